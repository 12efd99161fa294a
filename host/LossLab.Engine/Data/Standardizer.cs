namespace LossLab.Engine.Data;

/// <summary>
/// z = (x − mean) / sd per feature, with mean and population sd from the training rows only (so no statistic of
/// validation or test leaks into training). A constant feature gets sd 1.
/// </summary>
public sealed class Standardizer
{
    public double[] Mean { get; }
    public double[] Sd { get; }

    private Standardizer(double[] mean, double[] sd) { Mean = mean; Sd = sd; }

    public static Standardizer Fit(float[] features, int width, int[] trainRows)
    {
        var mean = new double[width];
        var sd = new double[width];
        foreach (var r in trainRows)
            for (var j = 0; j < width; j++) mean[j] += features[(long)r * width + j];
        for (var j = 0; j < width; j++) mean[j] /= trainRows.Length;
        foreach (var r in trainRows)
            for (var j = 0; j < width; j++) { var d = features[(long)r * width + j] - mean[j]; sd[j] += d * d; }
        for (var j = 0; j < width; j++)
        {
            sd[j] = Math.Sqrt(sd[j] / trainRows.Length);
            if (sd[j] < 1e-12) sd[j] = 1;
        }
        return new Standardizer(mean, sd);
    }

    public float[] Transform(float[] features, int width)
    {
        var result = new float[features.Length];
        for (var i = 0; i < features.Length; i++)
        {
            var j = i % width;
            result[i] = (float)((features[i] - Mean[j]) / Sd[j]);
        }
        return result;
    }
}
