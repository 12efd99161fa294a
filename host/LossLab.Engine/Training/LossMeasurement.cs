using LossLab.Abstractions;
using LossLab.Evaluation.Results;

namespace LossLab.Engine.Training;

/// <summary>
/// The numbers behind a loss card, measured from the loss itself by autograd (<see cref="LossProbe"/>, float64), so
/// they hold for any plugin; the report turns them into sentences.
/// <list type="bullet">
/// <item>class weighting: |∂L/∂x| of a positive at p_t = 0.5 over that of a negative at p_t = 0.5 (1 for BCE;
/// w₁/w₀ for weighted BCE; α/(1 − α) for focal);</item>
/// <item>focusing: per class, |∂L/∂x| at p_t = 0.9 over |∂L/∂x| at p_t = 0.5 (0.2 for BCE, whose |∂L/∂x| = 1 − p_t).</item>
/// </list>
/// </summary>
public static class LossMeasurement
{
    public static LossMeasurements Of(LossPlugin loss, ClassCounts counts)
    {
        var easy = Math.Log(0.9 / 0.1);
        // Rows: positive at p_t = 0.5 and 0.9, negative at p_t = 0.5 and 0.9 (a negative's p_t = σ(−x)).
        var probe = LossProbe.Evaluate(loss, [0, easy, 0, -easy], [1, 1, 0, 0], counts);
        var g = probe.Grad.Select(Math.Abs).ToArray();
        return new LossMeasurements
        {
            PositiveOverNegative = g[0] / g[2], EasyShareNegative = g[3] / g[2], EasySharePositive = g[1] / g[0],
            TrainPositives = counts.Positives, TrainNegatives = counts.Negatives,
        };
    }
}
