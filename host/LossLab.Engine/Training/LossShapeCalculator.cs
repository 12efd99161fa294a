using LossLab.Abstractions;
using LossLab.Evaluation.Results;

namespace LossLab.Engine.Training;

/// <summary>
/// "Loss vs p_t" and "|gradient| vs p_t" for any loss plugin, p_t being the probability given to the true class:
/// for target 1, logit = ln(p_t / (1 − p_t)); for target 0, logit = −ln(p_t / (1 − p_t)).
/// </summary>
public static class LossShapeCalculator
{
    public const int Points = 199;

    /// <summary>p_t = 0.005, 0.01, …, 0.995.</summary>
    public static double[] Grid() => Enumerable.Range(1, Points).Select(i => i / (double)(Points + 1)).ToArray();

    public static LossShape Compute(string name, LossPlugin loss, ClassCounts counts)
    {
        var pt = Grid();
        var logitOfPt = pt.Select(p => Math.Log(p / (1 - p))).ToArray();
        var positive = LossProbe.Evaluate(loss, logitOfPt, [.. pt.Select(_ => 1.0)], counts);
        var negative = LossProbe.Evaluate(loss, [.. logitOfPt.Select(z => -z)], [.. pt.Select(_ => 0.0)], counts);
        return new LossShape
        {
            Loss = name, Pt = pt,
            LossPositive = positive.Loss, GradPositive = positive.Grad,
            LossNegative = negative.Loss, GradNegative = negative.Grad,
        };
    }
}
