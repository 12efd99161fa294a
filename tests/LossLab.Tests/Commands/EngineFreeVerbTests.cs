using LossLab.Cli.Commands.Merge;
using LossLab.Cli.Commands.Report;
using LossLab.Cli.Commands.Review;
using LossLab.Engine.Running;
using LossLab.Evaluation.Results;
using LossLab.Tests.Engine;
using LossLab.Tests.Support;

namespace LossLab.Tests.Commands;

/// <summary>
/// <c>review</c>, <c>report</c> and <c>merge</c> read saved files: they must not need the training engine (LossLab.Engine, and
/// with it TorchSharp), neither in their compiled code nor in the running process.
/// </summary>
public sealed class EngineFreeVerbTests
{
    private const string Engine = "LossLab.Engine";

    /// <summary>
    /// Every type of the Review, Report and Merge verb namespaces (closures and state machines included), and every type of
    /// losslab.dll they name in turn, names no engine type in its signatures, locals or IL.
    /// </summary>
    [Fact]
    public void Review_report_and_merge_code_names_no_engine_type()
    {
        var cli = typeof(ReviewCommand).Assembly;
        Assert.Equal(Engine, typeof(ExperimentRunner).Assembly.GetName().Name);
        string?[] namespaces = [typeof(ReviewCommand).Namespace, typeof(ReportCommand).Namespace, typeof(MergeCommand).Namespace];
        var verbs = cli.GetTypes().Where(t => namespaces.Contains(t.Namespace)).ToList();
        Assert.Contains(verbs, t => t == typeof(MergeCommand));
        Assert.Contains(verbs, t => t.DeclaringType is not null); // the lambdas' closure classes are scanned too

        var seen = new HashSet<Type>(verbs);
        var pending = new Queue<Type>(verbs);
        var found = new List<string>();
        while (pending.TryDequeue(out var type))
        {
            foreach (var (where, named) in TypeReferences.Of(type))
            {
                if (named.Assembly.GetName().Name == Engine) found.Add($"{where} names {named.FullName}");
                else if (named.Assembly == cli && seen.Add(named)) pending.Enqueue(named);
            }
        }
        Assert.True(found.Count == 0, string.Join("\n", found.Distinct()));
    }

    /// <summary>Lists the loaded assemblies of the process it is injected into, when it exits.</summary>
    private const string HookSource = """
        using System;
        using System.IO;
        using System.Linq;

        internal static class StartupHook
        {
            public static void Initialize()
            {
                var path = Environment.GetEnvironmentVariable("LOSSLAB_TEST_LOADED_ASSEMBLIES");
                if (string.IsNullOrEmpty(path)) return;
                AppDomain.CurrentDomain.AssemblyLoad += (_, e) =>
                {
                    if (e.LoadedAssembly.GetName().Name == "LossLab.Engine") File.WriteAllText(path + ".stack", Environment.StackTrace);
                };
                AppDomain.CurrentDomain.ProcessExit += (_, _) =>
                    File.WriteAllLines(path, AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name ?? "?"));
            }
        }
        """;

    /// <summary>The assemblies a losslab process loaded, observed through a .NET startup hook; with the stack that loaded the engine, if one did.</summary>
    private static (LossLabProcess.Result Result, string[] Loaded) RunObserved(TempFolder temp, string name, params string[] args)
    {
        var hook = PluginCompiler.Compile("LoadedAssembliesHook", HookSource, temp.Sub("hook"));
        var list = temp.File($"{name}.loaded.txt");
        var result = LossLabProcess.Run(temp.Path, new Dictionary<string, string>
        {
            ["DOTNET_STARTUP_HOOKS"] = hook, ["LOSSLAB_TEST_LOADED_ASSEMBLIES"] = list,
        }, args);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(File.Exists(list), $"the startup hook wrote no list: {result}");
        var stack = list + ".stack";
        return (result, File.Exists(stack) ? [.. File.ReadAllLines(list), "engine loaded at:", File.ReadAllText(stack)] : File.ReadAllLines(list));
    }

    [Fact]
    public void Review_report_and_merge_processes_load_neither_the_engine_nor_TorchSharp()
    {
        using var temp = new TempFolder();
        SmallExperiment.Run(SmallExperiment.Resolve(SmallExperiment.Json("bce")), temp.Sub("out"));
        for (var i = 0; i < 2; i++)
            new ExperimentRunner().Run(SmallExperiment.Resolve(SmallExperiment.Json("bce")), new RunOptions(temp.Sub($"shard-{i}"), 1, "cpu", "test", Shard: new ShardInfo(i, 2)),
                new RecordingProgress(), CancellationToken.None);

        var (_, report) = RunObserved(temp, "report", "report", "out/results.json", "--out", "again/report.pdf");
        Assert.True(File.Exists(temp.File("again/report.pdf")));
        var (_, review) = RunObserved(temp, "review", "review", "out/predictions.csv", "--where", "loss=bce", "--where", "seed=1",
            "--split-column", "split", "--bootstrap", "20", "--out", "review");
        Assert.True(File.Exists(temp.File("review/review.pdf")));
        var (_, merge) = RunObserved(temp, "merge", "merge", "shard-0", "shard-1", "--out", "merged");
        Assert.True(File.Exists(temp.File("merged/report.pdf")));
        foreach (var loaded in new[] { report, review, merge })
        {
            Assert.Contains("LossLab.Reports", loaded); // the hook sees what the verb loaded
            Assert.False(loaded.Contains(Engine), string.Join("\n", loaded));
            Assert.DoesNotContain("TorchSharp", loaded);
        }

        // The same observation of a training verb does show the engine: the check above can fail.
        var (_, plugins) = RunObserved(temp, "plugins", "plugins");
        Assert.Contains(Engine, plugins);
    }
}
