namespace LossLab.Engine.Weights;

/// <summary>The formats <see cref="WeightsFile.Read"/> reads, told apart by their first bytes, not by the file's extension.</summary>
public enum WeightsFormat
{
    /// <summary><c>torch.save(model.state_dict(), "w.pt")</c> from PyTorch ≥ 1.6: a zip archive holding a pickle (read with TorchSharp.PyBridge).</summary>
    PyTorch,

    /// <summary>Hugging Face safetensors: an 8-byte little-endian header length, a JSON header, the raw data (read with TorchSharp.PyBridge).</summary>
    Safetensors,

    /// <summary>TorchSharp's <c>module.save(path)</c>: a LEB128 entry count, then per entry a string key and a tensor (dtype, shape, bytes).</summary>
    TorchSharp,
}

public static class WeightsFormatNames
{
    /// <summary>The name used in results.json and the report.</summary>
    public static string Label(this WeightsFormat format) => format switch
    {
        WeightsFormat.PyTorch => "pytorch",
        WeightsFormat.Safetensors => "safetensors",
        _ => "torchsharp",
    };
}
