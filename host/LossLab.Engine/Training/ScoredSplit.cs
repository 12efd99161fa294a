namespace LossLab.Engine.Training;

/// <summary>A model's logits on a split, in double precision, with scores = sigmoid(logit).</summary>
public sealed record ScoredSplit(double[] Logits)
{
    public double[] Scores { get; } = Logits.Select(Sigmoid).ToArray();

    /// <summary>σ(x) = 1 / (1 + e^(−x)), evaluated so that neither branch overflows.</summary>
    public static double Sigmoid(double x) => x >= 0 ? 1 / (1 + Math.Exp(-x)) : Math.Exp(x) / (1 + Math.Exp(x));
}
