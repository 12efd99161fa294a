using LossLab.Evaluation.Results;
using LossLab.Reports.Data;
using LossLab.Reports.Figures;
using LossLab.Reports.Fonts;
using LossLab.Reports.Verdict;

namespace LossLab.Reports.Sections;

/// <summary>What every section of the run report reads: the results, test predictions by loss, fonts and palette.</summary>
internal sealed class RunReportContext
{
    public RunReportContext(ExperimentResults results, IReadOnlyList<Prediction> predictions, FontSet fonts)
    {
        Results = results;
        Fonts = fonts;
        Losses = ReportLosses.Names(results);
        Palette = new LossPalette(Losses);
        Test = new PredictionIndex(predictions, results.Runs, "test");
        Objective = results.ThresholdObjectives.FirstOrDefault();
        Verdict = VerdictTableModel.Build(results);
    }

    public ExperimentResults Results { get; }
    public FontSet Fonts { get; }
    public IReadOnlyList<string> Losses { get; }
    public LossPalette Palette { get; }
    public PredictionIndex Test { get; }
    /// <summary>The first threshold objective: the one the verdict table's tuned columns use.</summary>
    public string? Objective { get; }

    /// <summary>Every tuned objective, in the experiment's order: figures mark each (<see cref="Figures.ObjectiveStyles"/>).</summary>
    public IReadOnlyList<string> Objectives => Results.ThresholdObjectives;
    public VerdictTableModel Verdict { get; }

    /// <summary>Panels per row for one-panel-per-loss figures.</summary>
    public int PanelColumns => Math.Clamp(Losses.Count, 1, 3);

    public IEnumerable<RunResult> Completed(string loss) =>
        Results.Runs.Where(r => r.Loss == loss && r.Status == RunStatus.Completed).OrderBy(r => r.Seed);

    /// <summary>Mean over completed seeds of the threshold tuned for <paramref name="objective"/>; null if none.</summary>
    public double? MeanTunedThreshold(string loss, string? objective)
    {
        if (objective is null)
            return null;
        var thresholds = Completed(loss).Select(r => r.Thresholds.GetValueOrDefault(objective)).OfType<ThresholdResult>().Select(t => t.Threshold).ToList();
        return thresholds.Count == 0 ? null : thresholds.Average();
    }

    /// <summary>The mean tuned threshold of every objective that has one for <paramref name="loss"/>, with the objective's index.</summary>
    public IReadOnlyList<Figures.TunedMark> TunedMarks(string loss) =>
        Objectives.Select((objective, i) => MeanTunedThreshold(loss, objective) is { } t ? new Figures.TunedMark(i, t) : null)
            .OfType<Figures.TunedMark>().ToList();

    /// <summary>The key above figures that mark tuned thresholds: 0.5 dashed, then each objective's line or marker.</summary>
    public Figures.ThresholdKey ThresholdKey(bool markers) => Figures.ThresholdKey.ForObjectives(Fonts, Objectives, markers);

    public Statistic? TestStatistic(string loss, string metric) =>
        Results.Aggregates.FirstOrDefault(a => a.Loss == loss)?.Test.GetValueOrDefault(metric);

    /// <summary>How the pooled curves were made, for captions.</summary>
    public string PoolingNote => "test predictions of all completed seeds pooled into one curve per loss";
}
