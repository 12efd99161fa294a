using LossLab.Evaluation.Results;
using LossLab.Reports.Fonts;
using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Legends;

namespace LossLab.Reports.Figures;

/// <summary>
/// Training curves. Each loss's training loss gets its own small panel (losses live on different scales, a weighted
/// loss is ~99× a plain one); validation BCE is one panel on a common scale, since it is the same yardstick for
/// all. Seeds are thin faded lines, the mean over seeds is the thick line.
/// </summary>
internal static class TrainingCurvesFigure
{
    public static PanelGrid TrainingLoss(FontSet fonts, LossPalette palette, IReadOnlyList<string> losses, IReadOnlyList<RunResult> runs, int columns)
    {
        var panels = losses.Select(loss => new PlotFigure(Panel(fonts, palette[loss], RunsOf(runs, loss), e => e.TrainLoss,
            $"{loss}: training loss", "training loss", legend: false), fonts)).ToList();
        return new PanelGrid(panels, columns);
    }

    public static PlotFigure ValidationBce(FontSet fonts, LossPalette palette, IReadOnlyList<string> losses, IReadOnlyList<RunResult> runs)
    {
        var model = Plots.Model(fonts, "Validation BCE (common scale; thin: seeds, thick: mean)");
        model.Axes.Add(Plots.Linear(AxisPosition.Bottom, "epoch"));
        model.Axes.Add(Plots.Linear(AxisPosition.Left, "validation BCE"));
        var index = 0;
        foreach (var loss in losses)
        {
            AddRuns(model, palette[loss], RunsOf(runs, loss), e => e.ValidationBce, loss, (double)index++ / Math.Max(1, losses.Count));
            AddSelectedEpochs(model, palette[loss], RunsOf(runs, loss));
        }
        Plots.AddLegendAbove(model);
        return new PlotFigure(model, fonts);
    }

    private static List<RunResult> RunsOf(IReadOnlyList<RunResult> runs, string loss) =>
        runs.Where(r => r.Loss == loss && r.Epochs.Count > 0).OrderBy(r => r.Seed).ToList();

    private static PlotModel Panel(FontSet fonts, LossStyle style, List<RunResult> runs, Func<EpochRecord, double> value, string title, string yTitle, bool legend)
    {
        if (runs.Count == 0)
            return Plots.Empty(fonts, title, "no epochs recorded");
        var model = Plots.Model(fonts, title);
        model.Axes.Add(Plots.Linear(AxisPosition.Bottom, "epoch"));
        model.Axes.Add(Plots.Linear(AxisPosition.Left, yTitle));
        AddRuns(model, style, runs, value, legend ? style.Loss : null, 0);
        return model;
    }

    /// <summary>One thin line per seed, then the mean over the seeds that reached each epoch as a thick line.</summary>
    private static void AddRuns(PlotModel model, LossStyle style, List<RunResult> runs, Func<EpochRecord, double> value, string? title, double phase)
    {
        foreach (var run in runs)
        {
            var seed = Plots.SeedLine(style);
            seed.Points.AddRange(run.Epochs.Select(e => Point(e.Epoch, value(e))));
            model.Series.Add(seed);
        }

        // Diverged runs stop early: the mean at an epoch is over the seeds that got there.
        var mean = Plots.LossLine(style, title, thickness: 2, markers: 5, phase: phase);
        var byEpoch = runs.SelectMany(r => r.Epochs).Where(e => double.IsFinite(value(e))).GroupBy(e => e.Epoch).OrderBy(g => g.Key);
        mean.Points.AddRange(byEpoch.Select(g => new DataPoint(g.Key, g.Average(value))));
        model.Series.Add(mean);
    }

    /// <summary>Each run's scored epoch (<see cref="RunResult.SelectedEpoch"/>) as a filled diamond on its seed line.</summary>
    private static void AddSelectedEpochs(PlotModel model, LossStyle style, List<RunResult> runs)
    {
        var marks = new OxyPlot.Series.ScatterSeries { MarkerType = MarkerType.Diamond, MarkerSize = 3.2, MarkerFill = style.Color, MarkerStroke = OxyColors.White, MarkerStrokeThickness = 0.5, RenderInLegend = false };
        foreach (var run in runs)
            if (run.SelectedEpoch is { } epoch && run.Epochs.FirstOrDefault(e => e.Epoch == epoch) is { } record && double.IsFinite(record.ValidationBce))
                marks.Points.Add(new OxyPlot.Series.ScatterPoint(epoch, record.ValidationBce));
        if (marks.Points.Count > 0) model.Series.Add(marks);
    }

    private static DataPoint Point(double x, double y) => double.IsFinite(y) ? new DataPoint(x, y) : DataPoint.Undefined;
}
