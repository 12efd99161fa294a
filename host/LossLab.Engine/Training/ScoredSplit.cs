using LossLab.Evaluation;

namespace LossLab.Engine.Training;

/// <summary>A model's logits on a split, in double precision, with scores = sigmoid(logit).</summary>
public sealed record ScoredSplit
{
    public ScoredSplit(double[] logits) : this(logits, Sigmoids(logits)) { }

    /// <summary>Takes <paramref name="scores"/> as σ(logits) without recomputing them.</summary>
    internal ScoredSplit(double[] logits, double[] scores)
    {
        Logits = logits;
        Scores = scores;
    }

    public double[] Logits { get; }
    public double[] Scores { get; }

    /// <summary>scores[i] = σ(logits[i]), into an existing array.</summary>
    internal static void Sigmoids(double[] logits, double[] scores)
    {
        for (var i = 0; i < logits.Length; i++) scores[i] = Logistic.Sigmoid(logits[i]);
    }

    private static double[] Sigmoids(double[] logits)
    {
        var scores = new double[logits.Length];
        Sigmoids(logits, scores);
        return scores;
    }
}
