using TorchSharp;
using static TorchSharp.torch;

namespace LossLab.Benchmarks;

/// <summary>
/// <c>-- thread-reductions</c>: which libtorch CPU operations give different bits with 1 and with N intra-op threads.
/// Each operation of the cnn and the mlp runs on the same seeded inputs at 1 thread and at every thread count up to
/// the cores (at least 2), forward and backward, and the largest absolute difference of each output and gradient is
/// printed (0 means bit-identical). Sizes as the engine's image test (a 3 × 16 × 16 batch of 32 through 8- and
/// 16-channel 3 × 3 convolutions) and the seed-study MLP (3282 × 2 → 16 → 8 → 1).
/// </summary>
internal static class ThreadReductions
{
    public static int Run(TextWriter output)
    {
        var counts = Enumerable.Range(2, Math.Max(1, Environment.ProcessorCount - 1)).ToArray();
        var cases = new (string Name, Func<Dictionary<string, Tensor>> Compute)[]
        {
            ("conv2d 3→8, 32×3×16×16", () => Conv(32, 3, 8, 16)),
            ("conv2d 8→16, 32×8×8×8", () => Conv(32, 8, 16, 8)),
            ("batch_norm2d (training), 32×8×16×16", () => BatchNorm(32, 8, 16)),
            ("max_pool2d 2, 32×8×16×16", () => Pool(32, 8, 16)),
            ("linear 1024→64, batch 32", () => Linear(32, 1024, 64)),
            ("linear 2→16, batch 3282", () => Linear(3282, 2, 16)),
            ("linear 256→128, batch 1024", () => Linear(1024, 256, 128)),
            ("bce_with_logits mean, 3282", () => Bce(3282)),
            ("sum, 32×16×16×16", () => Sum(32 * 16 * 16 * 16)),
        };
        output.WriteLine($"largest |difference| against 1 thread, per output; {Environment.ProcessorCount} cores; libtorch of TorchSharp {typeof(torch).Assembly.GetName().Version}");
        foreach (var (name, compute) in cases)
        {
            set_num_threads(1);
            var reference = compute();
            foreach (var threads in counts)
            {
                set_num_threads(threads);
                var other = compute();
                var gaps = reference.Select(kv => $"{kv.Key} {(kv.Value - other[kv.Key]).abs().max().item<float>():G3}");
                output.WriteLine($"{name,-40} {threads} threads: {string.Join(", ", gaps)}");
                foreach (var t in other.Values) t.Dispose();
            }
            foreach (var t in reference.Values) t.Dispose();
        }
        set_num_threads(1);
        return 0;
    }

    private static Tensor Input(params long[] shape)
    {
        manual_seed(7);
        return randn(shape).requires_grad_(true);
    }

    private static Dictionary<string, Tensor> Backward(Tensor output, params (string Name, Tensor Leaf)[] leaves)
    {
        manual_seed(8);
        var upstream = randn(output.shape);
        output.backward([upstream]);
        var result = new Dictionary<string, Tensor> { ["out"] = output.detach().clone() };
        foreach (var (name, leaf) in leaves) result["d" + name] = leaf.grad!.clone();
        return result;
    }

    private static Dictionary<string, Tensor> Conv(long batch, long inChannels, long outChannels, long side)
    {
        var x = Input(batch, inChannels, side, side);
        manual_seed(9);
        var w = (randn(outChannels, inChannels, 3, 3) * 0.1).requires_grad_(true);
        return Backward(nn.functional.conv2d(x, w, padding: [1, 1]), ("x", x), ("w", w));
    }

    private static Dictionary<string, Tensor> BatchNorm(long batch, long channels, long side)
    {
        var x = Input(batch, channels, side, side);
        var weight = ones(channels).requires_grad_(true);
        var bias = zeros(channels).requires_grad_(true);
        var mean = zeros(channels);
        var variance = ones(channels);
        return Backward(nn.functional.batch_norm(x, mean, variance, weight, bias, training: true), ("x", x), ("gamma", weight), ("beta", bias));
    }

    private static Dictionary<string, Tensor> Pool(long batch, long channels, long side)
    {
        var x = Input(batch, channels, side, side);
        return Backward(nn.functional.max_pool2d(x, 2), ("x", x));
    }

    private static Dictionary<string, Tensor> Linear(long batch, long inputs, long outputs)
    {
        var x = Input(batch, inputs);
        manual_seed(9);
        var w = (randn(outputs, inputs) * 0.1).requires_grad_(true);
        var b = zeros(outputs).requires_grad_(true);
        return Backward(nn.functional.linear(x, w, b), ("x", x), ("w", w), ("b", b));
    }

    private static Dictionary<string, Tensor> Bce(long rows)
    {
        var x = Input(rows, 1);
        manual_seed(9);
        var y = (rand(rows, 1) < 0.01).to_type(ScalarType.Float32);
        return Backward(nn.functional.binary_cross_entropy_with_logits(x, y), ("x", x));
    }

    private static Dictionary<string, Tensor> Sum(long n)
    {
        var x = Input(n);
        return Backward(x.sum(), ("x", x));
    }
}
