using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using LossLab.Abstractions;
using LossLab.Engine.Models;
using LossLab.Engine.Plugins;
using LossLab.Engine.Predicting;
using LossLab.Evaluation;
using LossLab.Evaluation.Models;
using TorchSharp;

namespace LossLab.Benchmarks;

/// <summary>
/// Not a BenchmarkDotNet benchmark (`-- predict-throughput [rows]`): <c>losslab predict</c>'s engine
/// (<see cref="PredictionService"/>) on a CSV of 10^6 rows × 30 features (made once in the temp folder), with a
/// LossLab mlp model folder (30-64-32-1, standardised input) and with an ONNX model of the same shape
/// (tests/LossLab.Tests/Fixtures/Predict/mlp30.onnx). Prints rows per second and the process's peak RSS (VmHWM)
/// before and after each, against the CSV's size: the CSV is streamed in batches, so the peak must stay far below it.
/// </summary>
public static class PredictThroughput
{
    public const int Features = 30;

    public static int Run(TextWriter output, int rows)
    {
        torch.set_num_threads(1);
        var folder = Path.Combine(Path.GetTempPath(), "losslab-predict-bench");
        Directory.CreateDirectory(folder);
        var csv = Path.Combine(folder, $"rows{rows}.csv");
        if (!File.Exists(csv)) WriteCsv(csv, rows);
        var catalog = new PluginDiscovery().Discover([PluginDiscovery.DefaultFolder]);
        var model = MlpFolder(Path.Combine(folder, "mlp30"), catalog);
        var onnx = Path.Combine(RepoRoot(), "tests", "LossLab.Tests", "Fixtures", "Predict", "mlp30.onnx");

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"PredictThroughput: {rows:N0} rows × {Features} features, CSV {new FileInfo(csv).Length / 1048576.0:F0} MiB, torch threads 1, batch 4096"));
        foreach (var (name, path) in new[] { ("mlp model folder", model), ("onnx", onnx) })
        {
            var before = PeakResidentBytes();
            var clock = Stopwatch.StartNew();
            var outcome = PredictionService.Predict(path, new PredictionData(csv), Path.Combine(folder, "scored.csv"), 4096, "logit", catalog, _ => { }, CancellationToken.None);
            clock.Stop();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-17} {outcome.Summary.Rows / clock.Elapsed.TotalSeconds,12:N0} rows/s ({clock.Elapsed.TotalSeconds:F1} s); peak RSS {before / 1048576.0:F0} → {PeakResidentBytes() / 1048576.0:F0} MiB"));
        }
        return 0;
    }

    private static void WriteCsv(string path, int rows)
    {
        var random = new Random(42);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        writer.WriteLine(string.Join(',', Enumerable.Range(1, Features).Select(j => $"f{j}").Append("label")));
        var line = new StringBuilder();
        for (var i = 0; i < rows; i++)
        {
            line.Clear();
            for (var j = 0; j < Features; j++) line.Append((random.NextDouble() * 4 - 2).ToString("F5", CultureInfo.InvariantCulture)).Append(',');
            line.Append(random.NextDouble() < 0.01 ? '1' : '0');
            writer.WriteLine(line);
        }
    }

    /// <summary>A model folder as a run saves one: an mlp's initial weights, with a standardisation of mean 0.1, sd 1.2.</summary>
    private static string MlpFolder(string folder, PluginCatalog catalog)
    {
        var options = new JsonObject { ["hidden"] = new JsonArray(64, 32) };
        var problems = new List<string>();
        var plugin = catalog.Get(PluginKind.Model, "mlp").Configure<ModelPlugin>(options, problems)!;
        string[] names = [.. Enumerable.Range(1, Features).Select(j => $"f{j}")];
        torch.manual_seed(1);
        using (var module = plugin.Build(new DatasetInfo([Features], names, ["0", "1"], "benchmark"))) SavedWeights.Save(module, folder);
        ModelCardFile.Write(folder, new ModelCard
        {
            Plugin = "mlp", Options = catalog.Get(PluginKind.Model, "mlp").OptionsOf(plugin), InputShape = [Features], FeatureNames = names,
            Standardization = new Standardization([.. names.Select(_ => 0.1)], [.. names.Select(_ => 1.2)]),
            ClassNames = ["0", "1"], Loss = "bce", Weights = SavedWeights.TorchSharpFile,
            WeightsSha256 = FileHash.Of(Path.Combine(folder, SavedWeights.TorchSharpFile)),
        });
        return folder;
    }

    /// <summary>VmHWM (peak resident set) from /proc/self/status, else the current working set.</summary>
    private static long PeakResidentBytes()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException) { }
        return Environment.WorkingSet;
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "LossLab.sln"))) return dir.FullName;
        throw new InvalidOperationException("LossLab.sln not found above the benchmark's folder");
    }
}
