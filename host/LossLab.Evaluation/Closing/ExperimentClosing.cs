using LossLab.Evaluation.Results;

namespace LossLab.Evaluation;

/// <summary>
/// The closing analysis of <c>losslab run</c> once its runs are done: each completed run's deployment view and
/// each loss's gates over its completed seeds (<see cref="ClosingAnalysis"/>, as <c>losslab review</c> judges its
/// one set of scores), the seed aggregates, and the paired bootstrap across losses.
/// </summary>
public static class ExperimentClosing
{
    private const string Validation = "validation";
    private const string Test = "test";

    /// <param name="results">The runs in plan order, with the experiment's <see cref="ExperimentResults.Losses"/>
    /// (their order is the loss order; the first is the bootstrap's baseline), <see cref="ExperimentResults.Seeds"/>
    /// and <see cref="ExperimentResults.ThresholdObjectives"/> (the first gives the bootstrap's F1 threshold).</param>
    /// <param name="predictions">The validation and test rows of every completed run (predictions.csv).</param>
    /// <exception cref="InvalidInputException">Settings with a problem (<see cref="ClosingSettings.Problem"/>).</exception>
    public static ExperimentResults Close(ExperimentResults results, IEnumerable<Prediction> predictions, ClosingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Check();
        var rows = predictions.ToLookup(p => (p.Loss, p.Seed));
        var names = results.Losses.Select(l => l.Name).ToList();
        // Each completed run's rows sorted once, for its deployment view and its loss's gates.
        var scored = new Dictionary<(string, int), ScoredRun>();
        ScoredRun Scored(RunResult run)
        {
            if (!scored.TryGetValue((run.Loss, run.Seed), out var s)) scored[(run.Loss, run.Seed)] = s = Score(run, rows[(run.Loss, run.Seed)]);
            return s;
        }

        var runs = results.Runs
            .Select(r => settings.DeploymentPrevalence is null || !Judgeable(r) ? r : r with { Deployment = ClosingAnalysis.Deployment(Scored(r), settings) })
            .ToList();
        // A gate judges one loss: over its completed seeds, not only the seeds every loss completed.
        List<LossGates> gates = settings.Gates.Count == 0 ? [] : [.. names.Select(name =>
        {
            var seeds = runs.Where(r => r.Loss == name && Judgeable(r)).Select(Scored).ToList();
            var judgement = ClosingAnalysis.Gates(seeds, settings);
            return new LossGates { Loss = name, Seeds = seeds.Count, Passed = judgement.Results.All(g => g.Passed), Results = judgement.Results };
        })];
        var closed = results with
        {
            Runs = runs,
            Aggregates = SeedAggregator.Aggregate(results.Runs, names),
            Bootstrap = Bootstrap(results, rows, names, settings),
            Gates = gates,
            GatesPassed = gates.Count == 0 ? null : gates.All(g => g.Passed),
            Prevalence = settings.DeploymentPrevalence,
        };
        return closed with { Warnings = ResultChecks.Of(closed) };
    }

    /// <summary>A completed run: one with test metrics (every completed run has them) and so validation and test rows.</summary>
    private static bool Judgeable(RunResult run) => run.Status == RunStatus.Completed && run.Test is not null;

    private static ScoredRun Score(RunResult run, IEnumerable<Prediction> rows)
    {
        var list = rows.ToList();
        return new ScoredRun(Ranked(list, Test), run.Test!, run.Thresholds, Ranked(list, Validation), Validation);
    }

    private static RankedRows Ranked(List<Prediction> rows, string split)
    {
        var mine = rows.Where(p => p.Split == split).ToList();
        return new RankedRows([.. mine.Select(p => p.Label)], [.. mine.Select(p => p.Score)]);
    }

    /// <summary>Paired bootstrap over the seeds in which every loss completed; none when no such seed exists.</summary>
    private static BootstrapSummary? Bootstrap(ExperimentResults results, ILookup<(string, int), Prediction> rows, List<string> names, ClosingSettings settings)
    {
        if (settings.BootstrapResamples == 0 || results.ThresholdObjectives.Count == 0) return null;
        var objective = results.ThresholdObjectives[0];
        var sets = new List<SeedTestSet>();
        foreach (var seed in results.Seeds)
        {
            var runs = names.Select(n => results.Runs.FirstOrDefault(r => r.Loss == n && r.Seed == seed)).ToList();
            if (runs.Any(r => r is not { Status: RunStatus.Completed })) continue;
            var test = names.ToDictionary(n => n, n => rows[(n, seed)].Where(p => p.Split == Test).ToList());
            sets.Add(new SeedTestSet(seed, [.. test[names[0]].Select(p => p.Label)],
                names.ToDictionary(n => n, n => test[n].Select(p => p.Score).ToArray()),
                runs.ToDictionary(r => r!.Loss, r => r!.Thresholds[objective].Threshold)));
        }
        return sets.Count == 0 ? null
            : PairedBootstrap.Run(sets, names, names[0], objective, settings.BootstrapResamples, settings.BootstrapSeed, settings.BootstrapConfidence,
                settings.BootstrapThreads);
    }
}
