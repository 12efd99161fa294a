namespace LossLab.Engine.Data;

/// <summary>
/// A small seeded generator whose output never depends on the .NET version (SplitMix64, Steele, Lea & Flood 2014),
/// so splits and batch orders stay reproducible across machines. Streams give independent sequences per purpose.
/// </summary>
public sealed class SplitMix64(ulong state)
{
    private ulong _state = state;

    public static SplitMix64 For(int seed, string stream)
    {
        ulong h = 14695981039346656037UL; // FNV-1a of the stream name, mixed with the seed
        foreach (var c in stream) h = (h ^ c) * 1099511628211UL;
        return new SplitMix64(h ^ (ulong)(uint)seed * 0x9E3779B97F4A7C15UL);
    }

    public ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform integer in [0, n) (Lemire's multiply-shift; the bias is below 2^-32 for n below 2^32).</summary>
    public int NextInt(int n) => (int)((UInt128)Next() * (ulong)n >> 64);

    /// <summary>Uniform in [0, 1): the top 53 bits over 2^53, every value a multiple of 2^-53.</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [low, high), as Python's random.uniform and torch's Tensor.uniform_ draw it: low + (high − low) u.</summary>
    public double NextUniform(double low, double high) => low + (high - low) * NextDouble();

    /// <summary>Fisher–Yates shuffle in place.</summary>
    public void Shuffle<T>(T[] items)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
