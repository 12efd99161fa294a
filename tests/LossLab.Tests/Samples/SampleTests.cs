using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using LossLab.Abstractions;
using LossLab.Engine.Experiments;
using LossLab.Engine.Plugins;
using LossLab.Evaluation.Results;
using LossLab.Tests.Engine;
using LossLab.Tests.Support;
using static TorchSharp.torch;

namespace LossLab.Tests.Samples;

/// <summary>
/// What samples/ ships: every experiment file runs, shrunk, against the real plugins, and the sample loss plugin
/// loads through plugin discovery and computes the formula its documentation states.
/// </summary>
public sealed class SampleTests
{
    private static readonly string Samples = RepoPaths.Of("samples");

    public static IEnumerable<object[]> ExperimentFiles() =>
        Directory.GetFiles(Path.Combine(Samples, "experiments"), "*.json").Order(StringComparer.Ordinal).Select(f => new object[] { Path.GetFileName(f) });

    [Theory]
    [MemberData(nameof(ExperimentFiles))]
    public void Sample_experiment_runs_one_epoch_one_seed_to_completion(string file)
    {
        using var temp = new TempFolder();
        var path = Path.Combine(Samples, "experiments", file);
        var dataset = JsonNode.Parse(File.ReadAllText(path))!["dataset"]!["plugin"]!.GetValue<string>();
        List<string> overrides = ["training.epochs=1", "seeds=[1]", "bootstrap.resamples=20"];
        overrides.Add(dataset switch
        {
            "synthetic" => "dataset.options.samples=6000",
            "image-folder" => $"dataset.options.path={WriteDigitLikeFolder(temp.Sub("images"), positives: 10, negatives: 300)}",
            _ => throw new InvalidOperationException($"{file}: no small-data override for dataset '{dataset}'; add one here."),
        });

        var resolved = ExperimentResolver.Resolve(path, overrides, StandardPlugins.Catalog);
        var results = SmallExperiment.Run(resolved, temp.Sub("out"));

        Assert.Equal(resolved.Losses.Select(l => l.Name).Order(), results.Runs.Select(r => r.Loss).Order());
        Assert.All(results.Runs, r => Assert.True(r.Status == RunStatus.Completed, $"{file}: {r.Loss} ended {r.Status}: {r.Error}"));
        Assert.True(File.Exists(Path.Combine(temp.Path, "out", "results.json")));
    }

    [Fact]
    public void Sample_gates_file_reads_as_three_gates()
    {
        var gates = LossLab.Evaluation.GateParser.ReadFile(Path.Combine(Samples, "gates", "deploy-gates.json"));
        Assert.Equal(["roc_auc ≥ 0.85 (lower CI)", "recall at precision>=0.5 ≥ 0.6", "ece ≤ 0.05"], gates.Select(g => g.Description));
    }

    [Fact]
    public void Custom_loss_plugin_is_discovered_with_its_options()
    {
        using var temp = new TempFolder();
        var loss = CompileCustomLoss(temp.Path);
        Assert.StartsWith(temp.Path, loss.Source);
        Assert.Equal(["alpha", "gamma", "smoothing"], loss.Options.Select(o => o.Name).Order());
        Assert.Equal((0.05, "[0, 0.5)"), Option(loss, "smoothing"));
        Assert.Equal((2.0, "≥ 0"), Option(loss, "gamma"));
        Assert.Equal((0.25, "[-1, 1]"), Option(loss, "alpha"));
        var problems = new List<string>();
        Assert.Null(loss.Configure<LossPlugin>(new() { ["smoothing"] = 0.5 }, problems));
        Assert.Contains(problems, p => p.Contains("'smoothing'") && p.Contains("[0, 0.5)"));
    }

    [Theory]
    [InlineData(0.1, 2.0, 0.25)]
    [InlineData(0.05, 0.5, -1.0)]
    [InlineData(0.0, 0.5, 0.75)]
    [InlineData(0.3, 5.0, 0.9)]
    public void Custom_loss_matches_the_hand_derived_formula_in_double_precision(double smoothing, double gamma, double alpha)
    {
        using var temp = new TempFolder();
        var loss = Configure(CompileCustomLoss(temp.Path), smoothing, gamma, alpha);
        double[] logits = [-100, -7, -1.5, -0.2, 0, 0.3, 2, 6, 100];
        foreach (var y in new[] { 0, 1 })
        {
            using var scope = NewDisposeScope();
            var values = loss.Forward(tensor(logits), tensor(logits.Select(_ => (double)y).ToArray()), new ClassCounts(90, 10)).data<double>().ToArray();
            for (var i = 0; i < logits.Length; i++)
            {
                var expected = SmoothedFocal(logits[i], y, smoothing, gamma, alpha);
                Assert.True(Math.Abs(values[i] - expected) <= 1e-13 + 1e-10 * Math.Abs(expected), $"x={logits[i]}, y={y}: {values[i]:R} vs {expected:R}");
            }
        }
        // Worked example: x = 0, y = 1, ε = 0.1 gives y' = 0.95, CE = ln 2, 1 − p_t = 0.5, α_t = 0.25·0.95 + 0.75·0.05 = 0.275.
        Assert.Equal(0.275 * Math.Log(2) * 0.25, SmoothedFocal(0, 1, 0.1, 2, 0.25), 15);
    }

    [Theory]
    [InlineData(0.05, 2.0)]
    [InlineData(0.0, 0.5)]
    public void Custom_loss_and_its_gradient_are_finite_at_logits_plus_minus_100_in_float32(double smoothing, double gamma)
    {
        using var temp = new TempFolder();
        var loss = Configure(CompileCustomLoss(temp.Path), smoothing, gamma, 0.25);
        using var scope = NewDisposeScope();
        var logits = tensor(new float[] { -100, 100, -100, 100 }, requires_grad: true);
        var values = loss.Forward(logits, tensor(new float[] { 0, 0, 1, 1 }), new ClassCounts(90, 10));
        values.sum().backward();
        Assert.All(values.data<float>().ToArray(), v => Assert.True(float.IsFinite(v)));
        Assert.All(logits.grad!.data<float>().ToArray(), g => Assert.True(float.IsFinite(g)));
    }

    /// <summary>
    /// y' = y(1 − ε) + ε/2; L = α_t·CE·(1 − p_t)^γ with CE = −[y'·log σ(x) + (1 − y')·log σ(−x)],
    /// 1 − p_t = y'·σ(−x) + (1 − y')·σ(x), α_t = α·y' + (1 − α)(1 − y') (1 when α &lt; 0): torchvision's
    /// sigmoid_focal_loss on smoothed targets, written out directly with a plain pow.
    /// </summary>
    private static double SmoothedFocal(double x, int y, double smoothing, double gamma, double alpha)
    {
        static double LogSigmoid(double v) => v >= 0 ? -Math.Log(1 + Math.Exp(-v)) : v - Math.Log(1 + Math.Exp(v));
        var target = y * (1 - smoothing) + smoothing / 2;
        var crossEntropy = -(target * LogSigmoid(x) + (1 - target) * LogSigmoid(-x));
        var oneMinusPt = target * Math.Exp(LogSigmoid(-x)) + (1 - target) * Math.Exp(LogSigmoid(x));
        var alphaT = alpha >= 0 ? alpha * target + (1 - alpha) * (1 - target) : 1;
        return alphaT * crossEntropy * Math.Pow(oneMinusPt, gamma);
    }

    /// <summary>Compiles samples/CustomLoss's source into a DLL in its own folder and discovers it there, as the host does.</summary>
    private static PluginDescriptor CompileCustomLoss(string folder)
    {
        var source = File.ReadAllText(Path.Combine(Samples, "CustomLoss", "SmoothedFocalLoss.cs"));
        PluginCompiler.Compile("LossLab.Samples.CustomLoss", source, folder);
        var catalog = new PluginDiscovery().Discover([folder]);
        Assert.Empty(catalog.Failures);
        return catalog.Get(PluginKind.Loss, "smoothed-focal");
    }

    private static LossPlugin Configure(PluginDescriptor loss, double smoothing, double gamma, double alpha)
    {
        var problems = new List<string>();
        var configured = loss.Configure<LossPlugin>(new() { ["smoothing"] = smoothing, ["gamma"] = gamma, ["alpha"] = alpha }, problems);
        Assert.Empty(problems);
        return configured!;
    }

    private static (double Default, string Range) Option(PluginDescriptor plugin, string name)
    {
        var option = Assert.Single(plugin.Options, o => o.Name == name);
        return ((double)option.Default!, option.Range);
    }

    /// <summary>three/ (a vertical stroke) and other/ (a horizontal stroke), 28×28 grey PNGs at random offsets.</summary>
    internal static string WriteDigitLikeFolder(string root, int positives, int negatives)
    {
        var random = new Random(7);
        foreach (var (folder, count, vertical) in new[] { ("three", positives, true), ("other", negatives, false) })
        {
            var dir = Directory.CreateDirectory(Path.Combine(root, folder)).FullName;
            for (var n = 0; n < count; n++)
            {
                var pixels = new byte[28 * 28];
                var offset = random.Next(6, 22);
                for (var k = 4; k < 24; k++) pixels[vertical ? k * 28 + offset : offset * 28 + k] = (byte)random.Next(160, 256);
                File.WriteAllBytes(Path.Combine(dir, $"{n:0000}.png"), GreyPng(pixels, 28));
            }
        }
        return root;
    }

    /// <summary>Minimal 8-bit greyscale PNG (ISO/IEC 15948): IHDR, one zlib IDAT of rows each led by filter 0, IEND.</summary>
    private static byte[] GreyPng(byte[] pixels, int side)
    {
        var rows = new byte[(side + 1) * side];
        for (var y = 0; y < side; y++) pixels.AsSpan(y * side, side).CopyTo(rows.AsSpan(y * (side + 1) + 1));
        var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true)) zlib.Write(rows);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, side);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), side);
        header[8] = 8; // bit depth; colour type 0 (grey), compression, filter and interlace methods 0
        var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        foreach (var (type, data) in new[] { ("IHDR", header), ("IDAT", compressed.ToArray()), ("IEND", Array.Empty<byte>()) })
        {
            byte[] typeAndData = [.. Encoding.ASCII.GetBytes(type), .. data];
            var word = new byte[4];
            BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
            png.Write(word);
            png.Write(typeAndData);
            BinaryPrimitives.WriteUInt32BigEndian(word, Crc32(typeAndData));
            png.Write(word);
        }
        return png.ToArray();
    }

    /// <summary>CRC-32 as PNG and zlib use it: reflected polynomial 0xEDB88320, initial and final XOR 0xFFFFFFFF.</summary>
    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}
