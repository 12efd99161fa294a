namespace LossLab.Evaluation;

/// <summary>
/// Temperature scaling (Guo et al., "On Calibration of Modern Neural Networks", ICML 2017): one scalar T &gt; 0
/// divides the logits, p_i = σ(z_i / T), fitted by minimising the negative log-likelihood on validation rows.
/// It changes no ranking (AUC, AP unchanged), only the probabilities.
/// </summary>
public static class TemperatureScaling
{
    /// <summary>Smallest temperature <see cref="Fit"/> returns.</summary>
    public const double MinTemperature = 0.01;
    /// <summary>Largest temperature <see cref="Fit"/> returns.</summary>
    public const double MaxTemperature = 100.0;

    /// <summary>
    /// The T in [<see cref="MinTemperature"/>, <see cref="MaxTemperature"/>] minimising
    /// <code>NLL(T) = (1/n)·Σ_i [ln(1 + e^{z_i/T}) − y_i·z_i/T]</code>
    /// (binary cross-entropy of σ(z_i/T) against the 0/1 label y_i, z_i the logit of row i).
    /// With β = 1/T the NLL is convex, its derivative (1/n)·Σ (σ(β z_i) − y_i)·z_i increasing, so the
    /// minimiser is found by Newton's method on β safeguarded by bisection: deterministic, a few iterations.
    /// </summary>
    /// <returns>T; a bound when the optimum lies beyond it (e.g. perfectly separated logits want T → 0,
    /// logits anti-correlated with the labels want T → ∞); 1 when every logit is 0 (the NLL does not depend on T).</returns>
    public static double Fit(int[] labels, double[] logits)
    {
        InputChecks.LabelsAndScores(labels, logits, scoresName: nameof(logits));
        if (logits.All(z => z == 0)) return 1.0;

        double lo = 1 / MaxTemperature, hi = 1 / MinTemperature;
        if (Slope(labels, logits, lo).Gradient >= 0) return MaxTemperature;
        if (Slope(labels, logits, hi).Gradient <= 0) return MinTemperature;

        double beta = 1.0;
        for (int iteration = 0; iteration < 200; iteration++)
        {
            var (g, h) = Slope(labels, logits, beta);
            if (g == 0) break;
            if (g > 0) hi = beta; else lo = beta;
            double next = h > 0 ? beta - g / h : double.NaN;
            // Bisect (geometrically: β spans four decades) whenever Newton leaves the bracket.
            if (!(next > lo && next < hi)) next = Math.Sqrt(lo * hi);
            bool converged = Math.Abs(next - beta) <= 1e-13 * beta;
            beta = next;
            if (converged || hi - lo <= 1e-15 * hi) break;
        }
        return 1 / beta;
    }

    /// <summary>p_i = σ(z_i / T) = 1 / (1 + e^{−z_i/T}), computed without overflow.</summary>
    public static double[] Apply(double[] logits, double temperature)
    {
        InputChecks.Finite(logits, nameof(logits));
        if (!(temperature > 0) || !double.IsFinite(temperature))
            throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "The temperature must be finite and > 0.");
        var p = new double[logits.Length];
        for (int i = 0; i < logits.Length; i++) p[i] = Logistic.Sigmoid(logits[i] / temperature);
        return p;
    }

    /// <summary>First and second derivatives of NLL with respect to β = 1/T.</summary>
    private static (double Gradient, double Curvature) Slope(int[] labels, double[] logits, double beta)
    {
        double g = 0, h = 0;
        for (int i = 0; i < logits.Length; i++)
        {
            double p = Logistic.Sigmoid(beta * logits[i]);
            g += (p - labels[i]) * logits[i];
            h += p * (1 - p) * logits[i] * logits[i];
        }
        return (g / logits.Length, h / logits.Length);
    }
}
