using System.Text.Json.Nodes;
using LossLab.Tests.Support;

namespace LossLab.Tests.Engine;

/// <summary>
/// The runs at once (<c>--parallel</c>) and torch's intra-op threads (<c>training.threads</c>) change how fast an
/// experiment runs; what it finds, tested through the CLI with --parallel 1 and 2 and with 1 and 2 threads:
/// <list type="bullet">
/// <item>--parallel never changes a number: results.json the same (JsonDifferences: 1e-12 relative, stricter than the
/// 1e-9 asked) and predictions.csv byte for byte, for every model.</item>
/// <item>The thread count changes nothing for the MLPs: the default experiment (full batch, no tensor reaches
/// libtorch's 32,768-element grain size) and a wide MLP in minibatches (256 × 1024 activations, whose elementwise
/// operations and matrix products are split between the threads: the split partitions the output, so each output
/// element is summed in the same order).</item>
/// <item>For the cnn it changes the last bits of the training: libtorch's convolution weight gradient sums over the
/// batch and the image positions, and with more threads each thread sums its part and the parts are then added, in
/// float32, in another order (<c>-- thread-reductions</c> in tests/LossLab.Benchmarks: the first 3 → 8 convolution's
/// dw differs by up to 6e-4 of values around 90; a full sum over 131,072 elements differs too; forward passes, batch
/// norm, pooling and linear layers do not). So from the first update on, every number computed from score values (losses, Brier,
/// log loss, ECE, MCE, tuned thresholds, the model and predictions hashes) moves by float rounding, measured here
/// at most 1e-5 relative. The init and data-order hashes never move, and on this data neither do the scores' order
/// and so the ranking and count metrics (ROC-AUC, AP, F1, precision, recall at each threshold): those are tested equal,
/// the others within 1e-4 relative. Every run of one experiment uses the same thread count, so the losses are still
/// compared on equal terms; environment.execution.threads records it, for reproducing a run bit for bit.</item>
/// </list>
/// </summary>
public sealed partial class ExecutionChoiceTests
{
    private static readonly (string Parallel, int Threads)[] Choices = [("1", 1), ("2", 1), ("1", 2), ("2", 2)];

    [Fact]
    public void Default_experiment_gives_the_same_numbers_for_every_parallel_and_thread_count() =>
        SameNumbersForEveryChoice(null, "training.epochs=8");

    [Fact]
    public void Wide_mlp_in_minibatches_gives_the_same_numbers_for_every_parallel_and_thread_count() =>
        SameNumbersForEveryChoice(null, "training.epochs=4", "training.batch_size=1024", """model.options={"hidden":[256,128]}""", "seeds=[1,2]");

    [Fact]
    public void Cnn_on_images_gives_the_same_numbers_for_every_parallel_count_and_the_same_hashes_and_ranking_for_every_thread_count()
    {
        using var temp = new TempFolder();
        var images = ImageExperimentTests.WriteImages(temp.Sub("images"));
        var experiment = temp.File("images.json", new JsonObject
        {
            ["name"] = "images",
            ["dataset"] = new JsonObject { ["plugin"] = "image-folder", ["options"] = new JsonObject { ["path"] = images, ["positive_class"] = "bar", ["size"] = 16, ["channels"] = 3 } },
            ["split"] = new JsonObject { ["validation"] = 0.25, ["test"] = 0.25 },
            ["model"] = new JsonObject { ["plugin"] = "cnn", ["options"] = new JsonObject { ["channels"] = new JsonArray(8, 16) } },
            ["losses"] = new JsonArray("bce", "focal"),
            ["seeds"] = new JsonArray(1, 2),
            ["training"] = new JsonObject { ["epochs"] = 2, ["batch_size"] = 32 },
            ["bootstrap"] = new JsonObject { ["resamples"] = 0 },
        }.ToJsonString());
        var runs = Choices.ToDictionary(c => c, c => Run(temp, c.Parallel, c.Threads, experiment));
        foreach (var threads in new[] { 1, 2 })
            SameResults(temp, ("1", threads), runs[("1", threads)], ("2", threads), runs[("2", threads)]);

        var (one, two) = (runs[("1", 1)], runs[("1", 2)]);
        var moved = new List<string>();
        Walk("", one, two, NotAResult, (path, x, y) =>
        {
            var same = x.ToJsonString() == y.ToJsonString();
            if (same) return;
            var value = MovesWithThreads().IsMatch(path);
            if (value && x.GetValueKind() == System.Text.Json.JsonValueKind.Number)
            {
                double a = x.GetValue<double>(), b = y.GetValue<double>();
                if (Math.Abs(a - b) <= 1e-4 * Math.Max(Math.Abs(a), 1e-3)) { moved.Add(path); return; }
            }
            else if (value && path.EndsWith("_sha256", StringComparison.Ordinal)) { moved.Add(path); return; }
            Assert.Fail($"{path}: 1 thread {x.ToJsonString()}, 2 threads {y.ToJsonString()}");
        });
        Assert.NotEmpty(moved); // the rounding this test documents is there: if it ever goes, tighten the test
    }

    /// <summary>What a float32 reordering of the cnn's weight gradients moves: values computed from the scores themselves.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"/(train_loss|validation_loss|validation_bce|brier|log_loss|ece|mce|threshold|model_sha256|predictions_sha256)(/(mean|sd|min|max))?$")]
    private static partial System.Text.RegularExpressions.Regex MovesWithThreads();

    private static void Walk(string path, JsonNode? x, JsonNode? y, Func<string, bool> ignore, Action<string, JsonValue, JsonValue> leaf)
    {
        if (ignore(path)) return;
        switch (x)
        {
            case JsonObject o:
                var other = Assert.IsType<JsonObject>(y);
                Assert.Equal(o.Select(p => p.Key).Order(), other.Select(p => p.Key).Order());
                foreach (var (key, value) in o) Walk($"{path}/{key}", value, other[key], ignore, leaf);
                return;
            case JsonArray a:
                var list = Assert.IsType<JsonArray>(y);
                Assert.Equal(a.Count, list.Count);
                for (var i = 0; i < a.Count; i++) Walk($"{path}[{i}]", a[i], list[i], ignore, leaf);
                return;
            case JsonValue v:
                leaf(path, v, Assert.IsAssignableFrom<JsonValue>(y));
                return;
            default:
                Assert.Null(y);
                return;
        }
    }

    [Fact]
    public void The_default_run_records_an_automatic_choice_and_a_set_one_as_the_users()
    {
        using var temp = new TempFolder();
        var auto = Run(temp, "auto", null, null, "training.epochs=2", "seeds=[1]", "losses=bce,focal");
        var execution = auto["environment"]!["execution"]!;
        Assert.Equal("auto", (string)execution["chosen_by"]!);
        Assert.Equal(1, (int)execution["threads"]!);
        Assert.Equal(Math.Min(Environment.ProcessorCount, 2), (int)execution["parallel"]!);
        Assert.Contains("small model (193 parameters", (string)execution["reason"]!);
        Assert.Equal(1, (int)auto["environment"]!["threads"]!);

        var set = Run(temp, "2", 2, null, "training.epochs=2", "seeds=[1]", "losses=bce,focal");
        Assert.Equal("user", (string)set["environment"]!["execution"]!["chosen_by"]!);
        Assert.Equal(2, (int)set["environment"]!["execution"]!["parallel"]!);
        Assert.Equal(2, (int)set["environment"]!["threads"]!);
    }

    private static void SameNumbersForEveryChoice(string? experiment, params string[] overrides)
    {
        using var temp = new TempFolder();
        var runs = Choices.Select(c => (Choice: c, Results: Run(temp, c.Parallel, c.Threads, experiment, overrides))).ToList();
        Assert.All(runs[0].Results["runs"]!.AsArray(), r => Assert.Equal("completed", (string)r!["status"]!));
        foreach (var (choice, actual) in runs.Skip(1))
            SameResults(temp, runs[0].Choice, runs[0].Results, choice, actual);
    }

    private static void SameResults(TempFolder temp, (string Parallel, int Threads) a, JsonNode expected, (string Parallel, int Threads) b, JsonNode actual)
    {
        var differences = JsonDifferences.Of(expected, actual, NotAResult);
        Assert.True(differences.Count == 0, $"--parallel {b.Parallel}, threads {b.Threads} against --parallel {a.Parallel}, threads {a.Threads}:\n" + string.Join("\n", differences));
        Assert.True(File.ReadAllBytes(temp.File(Folder(a) + "/predictions.csv")).AsSpan().SequenceEqual(File.ReadAllBytes(temp.File(Folder(b) + "/predictions.csv"))),
            $"predictions.csv differs between --parallel {a.Parallel}, threads {a.Threads} and --parallel {b.Parallel}, threads {b.Threads}");
        Assert.Equal(b.Threads, (int)actual["environment"]!["execution"]!["threads"]!);
    }

    /// <summary>What depends on the clock or on the choice itself: timings, the command line, the environment, and
    /// the experiment's <c>training.threads</c> (set here by --set, so also the experiment's hash).</summary>
    private static bool NotAResult(string path) =>
        path.EndsWith("/duration_s", StringComparison.Ordinal) || path is "/started_at" or "/command_line" or "/environment"
            or "/experiment/training/threads" or "/experiment_sha256";

    private static string Folder((string Parallel, int Threads) choice) => $"p{choice.Parallel}-t{choice.Threads}";

    private static JsonNode Run(TempFolder temp, string parallel, int? threads, string? experiment, params string[] overrides)
    {
        var folder = threads is { } t ? Folder((parallel, t)) : "auto";
        List<string> args = ["run", .. experiment is null ? Array.Empty<string>() : [experiment], "--out", folder, "--no-report", "--quiet", "--parallel", parallel];
        if (threads is not null) args.AddRange(["--set", $"training.threads={threads}"]);
        foreach (var o in overrides) args.AddRange(["--set", o]);
        var result = LossLabProcess.Run(temp.Path, [.. args]);
        Assert.True(result.ExitCode == 0, result.ToString());
        return JsonNode.Parse(File.ReadAllText(temp.File(folder + "/results.json")))!;
    }
}
