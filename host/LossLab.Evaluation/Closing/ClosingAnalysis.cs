using LossLab.Evaluation.Results;

namespace LossLab.Evaluation;

/// <summary>
/// What <c>losslab run</c> and <c>losslab review</c> both conclude from scored runs: a run's deployment view, and
/// the acceptance gates of one model over its runs (a loss over its completed seeds, or a review's one set of
/// scores) with their bootstrap intervals.
/// </summary>
public static class ClosingAnalysis
{
    /// <summary>The run's judged rows at the deployment prevalence (<see cref="DeploymentAnalysis"/>, each
    /// prevalence-dependent objective re-tuned on its tuning rows); null when the settings give no prevalence.</summary>
    /// <exception cref="InvalidInputException">Settings with a problem (<see cref="ClosingSettings.Problem"/>).</exception>
    public static DeploymentView? Deployment(ScoredRun run, ClosingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Check();
        return settings.DeploymentPrevalence is { } prevalence
            ? DeploymentAnalysis.Analyze(run.Judged, prevalence, run.Thresholds, (run.Tuning, run.TunedOn))
            : null;
    }

    /// <summary>
    /// Judges the settings' gates on the runs of one model. A gate's value is the mean over runs of the run's judged
    /// metric (at its own tuned threshold; with one run, that run's value); its interval comes from a
    /// class-stratified bootstrap of every run's judged rows, the metric's mean over runs in each resample
    /// (<see cref="GateIntervals"/>; thresholds held fixed, so the tuning rows' own variability is left out).
    /// </summary>
    /// <param name="runs">The runs; with none, every gate fails with "no completed run to judge".</param>
    /// <param name="alsoIntervals">Metrics, written as gates whose bounds play no part, whose intervals are wanted
    /// too: resampled in the same pass, and returned in <see cref="GateJudgement.Intervals"/> only. A gate with the
    /// same metric, operating point and prevalence as an earlier one shares its interval.</param>
    /// <exception cref="InvalidInputException">Settings with a problem (<see cref="ClosingSettings.Problem"/>).</exception>
    public static GateJudgement Gates(IReadOnlyList<ScoredRun> runs, ClosingSettings settings, IReadOnlyList<Gate>? alsoIntervals = null)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Check();
        var gates = settings.Gates;
        if (runs.Count == 0)
            return new([.. gates.Select(g => GateEvaluator.Judge(g, double.NaN, null) with { Reason = "no completed run to judge" })], []);

        double? prevalence = settings.DeploymentPrevalence;
        double Value(Gate gate) => runs.Average(r => GateMetrics.Value(gate, r.Metrics, r.Thresholds, r.Judged, prevalence));

        var wanted = new List<Gate>(alsoIntervals ?? []);
        foreach (var gate in gates)
            if (!wanted.Any(w => GateMetrics.Key(w) == GateMetrics.Key(gate))) wanted.Add(gate);
        var intervals = new Dictionary<string, Interval>();
        if (settings.BootstrapResamples > 0 && wanted.Count > 0)
        {
            var found = GateIntervals.Of(wanted, runs, [.. wanted.Select(Value)], settings.BootstrapResamples,
                settings.BootstrapSeed, settings.BootstrapConfidence, prevalence);
            for (int k = 0; k < wanted.Count; k++) intervals[GateMetrics.Key(wanted[k])] = found[k];
        }

        var results = new List<GateResult>(gates.Count);
        foreach (var gate in gates)
        {
            var first = gate.At is { } at ? runs[0].Thresholds[at] : null;
            double? threshold = runs.Count == 1 ? first?.Threshold : null;
            string? tunedOn = first is null ? null : runs.Count == 1 ? first.TunedOn : $"{first.TunedOn} (each seed)";
            results.Add(GateEvaluator.Judge(gate, Value(gate), intervals.GetValueOrDefault(GateMetrics.Key(gate)), threshold, tunedOn));
        }
        return new(results, intervals);
    }
}
