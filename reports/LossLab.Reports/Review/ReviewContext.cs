using LossLab.Evaluation;
using LossLab.Evaluation.Results;
using LossLab.Reports.Data;
using LossLab.Reports.Figures;
using LossLab.Reports.Fonts;

namespace LossLab.Reports.Review;

/// <summary>What the review report's sections read: the review, the judged rows, fonts, and a one-entry palette.</summary>
internal sealed class ReviewContext
{
    /// <summary>The one series of a review is the file's scores; it takes the first palette style.</summary>
    public const string SeriesName = "scores";

    public ReviewContext(ReviewResults review, PredictionTable table, FontSet fonts)
    {
        Review = review;
        Table = table;
        Fonts = fonts;
        Palette = new LossPalette([SeriesName]);
        Judged = JudgedRows(review, table);
    }

    public ReviewResults Review { get; }
    public PredictionTable Table { get; }
    public FontSet Fonts { get; }
    public LossPalette Palette { get; }
    public LossStyle Style => Palette[SeriesName];

    /// <summary>The rows every metric was judged on: the test rows with a split column, else all rows (as the analyzer does).</summary>
    public ScoreSet Judged { get; }

    public IReadOnlyList<(string Objective, ThresholdResult Result)> Thresholds =>
        Review.Thresholds.Select(t => (t.Key, t.Value)).ToList();

    /// <summary>Each tuned threshold's mark on the judged scores, in <see cref="Thresholds"/>' order.</summary>
    public IReadOnlyList<TunedMark> TunedMarks => Thresholds.Select((t, i) => new TunedMark(i, t.Result.Threshold)).ToList();

    public Figures.ThresholdKey ThresholdKey(bool markers) => Figures.ThresholdKey.ForObjectives(Fonts, Thresholds.Select(t => t.Objective), markers);

    private static ScoreSet JudgedRows(ReviewResults review, PredictionTable table)
    {
        if (!review.SplitColumnUsed || table.Splits is null)
            return new ScoreSet(table.Labels, table.Scores);
        var rows = Enumerable.Range(0, table.Labels.Length).Where(i => table.Splits[i] == PredictionTableReader.Test).ToArray();
        return new ScoreSet(rows.Select(i => table.Labels[i]).ToArray(), rows.Select(i => table.Scores[i]).ToArray());
    }
}
