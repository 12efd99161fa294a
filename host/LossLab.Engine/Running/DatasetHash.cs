using System.Runtime.InteropServices;
using System.Security.Cryptography;
using LossLab.Abstractions;
using LossLab.Engine.Data;

namespace LossLab.Engine.Running;

/// <summary>SHA-256 identity of a dataset's content, lower-case hex.</summary>
public static class DatasetHash
{
    /// <summary>
    /// The SHA-256 of a dataset's content after the imbalance stage: its input shape, then every feature as
    /// little-endian float32, then every label as little-endian int32. The same rows in the same order give the
    /// same hash whatever file or generator they came from. Images kept as bytes are hashed as their inputs before
    /// normalisation (<see cref="PixelInputs.Scaled"/>), the floats earlier versions held, so their hash is unchanged.
    /// </summary>
    public static string Of(Dataset data)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var d in data.Info.InputShape) hash.AppendData(BitConverter.GetBytes(d));
        if (data.Pixels is null) hash.AppendData(MemoryMarshal.AsBytes(data.Features.AsSpan()));
        else
        {
            var inputs = PixelInputs.Scaled(data);
            var row = new float[inputs.RowLength];
            foreach (var pixels in data.Pixels)
            {
                inputs.Convert(pixels, row);
                hash.AppendData(MemoryMarshal.AsBytes(row.AsSpan()));
            }
        }
        hash.AppendData(MemoryMarshal.AsBytes(data.Labels.AsSpan()));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
