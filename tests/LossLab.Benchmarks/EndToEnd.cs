using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using LossLab.Engine.Experiments;
using LossLab.Engine.Plugins;
using LossLab.Engine.Running;
using LossLab.Engine.Training;
using LossLab.Evaluation.Results;

namespace LossLab.Benchmarks;

/// <summary>
/// <c>-- end-to-end [rounds=5] [losslab.dll]</c>: the embedded default experiment (3 losses × 3 seeds, 30 epochs) as a
/// user runs it, <c>dotnet losslab.dll run</c> with the CLI's defaults (the DLL already built: host/LossLab.Cli's
/// Release output unless given), with and without the report, wall clock and CPU (<c>/usr/bin/time</c>), beside
/// (1) its training time alone: Σ of the runs' <c>duration_s</c> in that process's results.json ÷ the runs at once
/// it chose (each run's duration is Trainer.Run, data preparation to evaluation), and (2) the tuned in-process
/// figure: the same <see cref="ExperimentRunner"/> call in this warm process (plugins loaded, code compiled), the
/// whole runner (data, trainings, closing analysis, files) and its trainings' Σ duration_s ÷ runs at once.
/// Also the start-up alone: <c>losslab plugins</c> and <c>losslab run --help</c>; and the floor under any TorchSharp
/// CLI, a process of this benchmark that starts .NET, loads libtorch and makes one tensor (<c>torch-floor</c>), with
/// PyTorch's own start-up beside it (<c>python3 -c 'import torch'</c>). Rounds interleave every side.
/// </summary>
internal static class EndToEnd
{
    public static int Run(TextWriter output, int rounds, string? dll)
    {
        dll ??= Path.Combine(RepoRoot(), "host", "LossLab.Cli", "bin", "Release", "net10.0", "losslab.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException($"build the CLI first (dotnet build host/LossLab.Cli -c Release): {dll}");
        var work = Directory.CreateTempSubdirectory("losslab-e2e-").FullName;
        output.WriteLine($"{dll}; {Environment.ProcessorCount} cores; load average {EpochAgainstPyTorch.LoadAverage()}");
        try
        {
            var catalog = new PluginDiscovery().Discover([PluginDiscovery.DefaultFolder]);
            var sides = new (string Name, Func<int, Sample> Measure)[]
            {
                ("losslab run (with report.pdf)", r => Cli(dll, work, $"report{r}", "run", "--out", $"report{r}", "--quiet")),
                ("losslab run --no-report", r => Cli(dll, work, $"plain{r}", "run", "--out", $"plain{r}", "--no-report", "--quiet")),
                ("in process, warm: ExperimentRunner.Run", r => InProcess(catalog, Path.Combine(work, $"inproc{r}"))),
                ("losslab plugins (start-up)", _ => Cli(dll, work, null, "plugins")),
                ("losslab run --help (start-up)", _ => Cli(dll, work, null, "run", "--help")),
                ("floor: .NET start + libtorch, one tensor", _ => Timed(work, "dotnet", typeof(EndToEnd).Assembly.Location, "torch-floor")),
            };
            if (File.Exists(EpochAgainstPyTorch.Python))
                sides = [.. sides, ("PyTorch 1.13: python3 -c 'import torch'", _ => Timed(work, EpochAgainstPyTorch.Python, "-c", "import torch; torch.ones(1)"))];
            for (var i = 0; i < sides.Length; i++) sides[i].Measure(-1 - i); // warm-up: page cache, this process's JIT
            var samples = sides.Select(_ => new List<Sample>()).ToArray();
            for (var round = 0; round < rounds; round++)
                for (var k = 0; k < sides.Length; k++)
                {
                    var i = (k + round) % sides.Length;
                    samples[i].Add(sides[i].Measure(round));
                }
            output.WriteLine($"{"side",-42} {"wall s",8} {"min",7} {"cpu s",7} {"training s",11} {"wall ÷ training",16}   medians over {rounds} rounds; load average after {EpochAgainstPyTorch.LoadAverage()}");
            for (var i = 0; i < sides.Length; i++)
            {
                var s = samples[i];
                var wall = EpochAgainstPyTorch.Median(s.Select(x => x.Wall));
                var training = s[0].Training is null ? double.NaN : EpochAgainstPyTorch.Median(s.Select(x => x.Training!.Value));
                var ratio = double.IsNaN(training) ? "" : EpochAgainstPyTorch.Median(s.Select(x => x.Wall / x.Training!.Value)).ToString("F2", CultureInfo.InvariantCulture);
                var cpu = double.IsNaN(s[0].Cpu) ? "" : EpochAgainstPyTorch.Median(s.Select(x => x.Cpu)).ToString("F2", CultureInfo.InvariantCulture);
                output.WriteLine($"{sides[i].Name,-42} {wall,8:F2} {s.Min(x => x.Wall),7:F2} {cpu,7} {(double.IsNaN(training) ? "" : training.ToString("F3", CultureInfo.InvariantCulture)),11} {ratio,16}");
            }
            var trainingAlone = EpochAgainstPyTorch.Median(samples[1].Select(x => x.Training!.Value));
            var floor = EpochAgainstPyTorch.Median(samples[5].Select(x => x.Wall));
            output.WriteLine($"1.5 × the training alone = {1.5 * trainingAlone:F2} s; a process that only starts .NET and libtorch takes {floor:F2} s ({floor / trainingAlone:F1} × the training)");
            var plan = samples[1][0].Execution;
            if (plan is not null) output.WriteLine($"the CLI's choice: {plan}");
            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private sealed record Sample(double Wall, double Cpu, double? Training, string? Execution = null);

    private static Sample Cli(string dll, string work, string? outFolder, params string[] args)
    {
        var timed = Timed(work, ["dotnet", dll, .. args]);
        if (outFolder is null) return timed;
        var results = JsonNode.Parse(File.ReadAllText(Path.Combine(work, outFolder, "results.json")))!;
        var execution = results["environment"]!["execution"];
        var parallel = (int?)execution?["parallel"] ?? 1;
        var training = results["runs"]!.AsArray().Sum(r => (double)r!["duration_s"]!) / parallel;
        Directory.Delete(Path.Combine(work, outFolder), recursive: true);
        return timed with { Training = training, Execution = execution?.ToJsonString() };
    }

    /// <summary>Wall clock and user + system CPU (<c>/usr/bin/time</c>) of one command.</summary>
    private static Sample Timed(string work, params string[] command)
    {
        var start = new ProcessStartInfo("/usr/bin/time") { WorkingDirectory = work, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in (string[])["-f", "cpu %U %S", .. command]) start.ArgumentList.Add(a);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        var wall = clock.Elapsed.TotalSeconds;
        stdout.Wait();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{string.Join(' ', command)} exited {process.ExitCode}: {error}");
        var cpuLine = error.Split('\n').Last(l => l.StartsWith("cpu ", StringComparison.Ordinal)).Split(' ');
        var cpu = double.Parse(cpuLine[1], CultureInfo.InvariantCulture) + double.Parse(cpuLine[2], CultureInfo.InvariantCulture);
        return new Sample(wall, cpu, null);
    }

    /// <summary>The runner as <c>losslab run --no-report</c> calls it, with the CLI's default (auto) execution plan.</summary>
    private static Sample InProcess(PluginCatalog catalog, string folder)
    {
        var clock = Stopwatch.StartNew();
        var resolved = ExperimentResolver.Resolve(null, [], catalog);
        var results = new ExperimentRunner().Run(resolved, new RunOptions(folder, Parallel: 0), new Silent(), CancellationToken.None);
        var wall = clock.Elapsed.TotalSeconds;
        var training = results.Runs.Sum(r => r.DurationS) / results.Environment.Execution!.Parallel;
        Directory.Delete(folder, recursive: true);
        return new Sample(wall, double.NaN, training);
    }

    private sealed class Silent : IRunProgress
    {
        public void Planned(int runs) { }
        public void Started(string loss, int seed, int index) { }
        public void Epoch(EpochProgress progress) { }
        public void Finished(RunResult run) { }
        public void Message(string text) { }
    }

    private static string RepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "LossLab.sln"))) return d.FullName;
        throw new DirectoryNotFoundException("LossLab.sln not found above " + AppContext.BaseDirectory);
    }
}
