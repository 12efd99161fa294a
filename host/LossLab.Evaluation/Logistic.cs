namespace LossLab.Evaluation;

/// <summary>The logistic function that turns a model's logit into its score.</summary>
public static class Logistic
{
    /// <summary>σ(x) = 1 / (1 + e^(−x)), evaluated as e^x / (1 + e^x) for negative x so that neither branch overflows.</summary>
    public static double Sigmoid(double x)
    {
        if (x >= 0) return 1 / (1 + Math.Exp(-x));
        double e = Math.Exp(x);
        return e / (1 + e);
    }
}
