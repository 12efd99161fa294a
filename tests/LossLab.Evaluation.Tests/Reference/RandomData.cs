namespace LossLab.Evaluation.Tests.Reference;

/// <summary>Seeded random labelled scores with controllable imbalance and ties.</summary>
internal static class RandomData
{
    /// <summary>
    /// n rows, about one positive per <paramref name="negativesPerPositive"/> + 1 rows (at least one of each
    /// class), scores rounded to <paramref name="decimals"/> decimals so that ties are frequent; positives
    /// score higher on average.
    /// </summary>
    public static (int[] Labels, double[] Scores) Scores(int seed, int n, double negativesPerPositive, int decimals)
    {
        var random = new Random(seed);
        var labels = new int[n];
        var scores = new double[n];
        for (int i = 0; i < n; i++)
        {
            labels[i] = random.NextDouble() < 1 / (negativesPerPositive + 1) ? 1 : 0;
            double z = Normal(random) + (labels[i] == 1 ? 1.2 : 0);
            scores[i] = Math.Round(1 / (1 + Math.Exp(-z)), decimals);
        }
        labels[0] = 1;
        labels[1] = 0;
        return (labels, scores);
    }

    public static double Normal(Random random)
    {
        double u1 = 1 - random.NextDouble(), u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
