using LossLab.Abstractions;
using LossLab.Plugins.Datasets;
using Xunit;

namespace LossLab.Plugins.Tests.Datasets;

public sealed class SyntheticDatasetTests
{
    private static Dataset Load(SyntheticDataset plugin, int seed = 7)
    {
        Assert.Empty(plugin.Validate());
        return plugin.Load(new DatasetContext(seed, _ => { }, CancellationToken.None));
    }

    [Fact]
    public void Same_seed_gives_identical_arrays_and_another_seed_does_not()
    {
        var options = () => new SyntheticDataset { Samples = 500, Features = 4, Informative = 3, ClustersPerClass = 2, FlipY = 0.1, PositiveFraction = 0.2 };
        Dataset a = Load(options(), 11), b = Load(options(), 11), c = Load(options(), 12);
        Assert.Equal(a.Features, b.Features);
        Assert.Equal(a.Labels, b.Labels);
        Assert.NotEqual(a.Features, c.Features);
    }

    [Theory]
    [InlineData(6000, 0.01, 60)]
    [InlineData(1000, 0.3, 300)]
    [InlineData(999, 0.5, 500)]
    public void Has_the_requested_samples_and_positive_fraction(int samples, double fraction, int positives)
    {
        var data = Load(new SyntheticDataset { Samples = samples, PositiveFraction = fraction, Features = 3 });
        Assert.Equal(samples, data.Count);
        Assert.Equal(samples * 3, data.Features.Length);
        Assert.Equal(positives, data.Counts.Positives);
        Assert.Equal([3], data.Info.InputShape);
        Assert.Equal(["x1", "x2", "x3"], data.Info.FeatureNames);
        Assert.Equal(["negative", "positive"], data.Info.ClassNames);
        Assert.All(data.Features, v => Assert.True(float.IsFinite(v)));
    }

    [Fact]
    public void Positives_are_spread_through_the_rows()
    {
        var data = Load(new SyntheticDataset { Samples = 2000, PositiveFraction = 0.5 });
        Assert.InRange(data.Labels.Take(1000).Sum(), 400, 600);
    }

    [Fact]
    public void Larger_class_sep_moves_the_classes_apart()
    {
        double Separation(double sep, out double accuracy) =>
            MeanDistance(Load(new SyntheticDataset { Samples = 4000, PositiveFraction = 0.5, ClassSep = sep }), out accuracy);
        var near = Separation(0.5, out var nearAccuracy);
        var far = Separation(3, out var farAccuracy);
        Assert.InRange(far / near, 4.5, 7.5); // centres sit 2·class_sep apart along each differing axis
        Assert.True(farAccuracy > nearAccuracy + 0.1, $"nearest-mean accuracy {nearAccuracy} at 0.5 vs {farAccuracy} at 3");
    }

    [Fact]
    public void Only_the_informative_features_carry_class_information()
    {
        var data = Load(new SyntheticDataset { Samples = 6000, PositiveFraction = 0.5, Features = 5, Informative = 2, ClassSep = 2 });
        var gaps = Enumerable.Range(0, 5).Select(j => Math.Abs(ClassMean(data, 1, j) - ClassMean(data, 0, j))).ToArray();
        Assert.True(gaps[0] + gaps[1] > 2, $"informative gaps {gaps[0]}, {gaps[1]}");
        Assert.All(gaps[2..], g => Assert.True(g < 0.15, $"noise gap {g}"));
        var noise = Enumerable.Range(0, data.Count).Select(i => (double)data.Features[i * 5 + 4]).ToArray();
        Assert.InRange(noise.Average(), -0.1, 0.1);
        Assert.InRange(Math.Sqrt(noise.Select(v => v * v).Average()), 0.95, 1.05);
    }

    [Fact]
    public void Flip_y_of_1_redraws_every_label_at_random()
    {
        var data = Load(new SyntheticDataset { Samples = 4000, PositiveFraction = 0.05, FlipY = 1 });
        Assert.InRange(data.Counts.Positives, 1800, 2200);
    }

    [Fact]
    public void Invalid_combinations_are_reported()
    {
        Assert.Single(new SyntheticDataset { Features = 2, Informative = 3 }.Validate());
        Assert.Single(new SyntheticDataset { Samples = 40, PositiveFraction = 0.01 }.Validate());
        Assert.Single(new SyntheticDataset { Features = 2, ClustersPerClass = 3 }.Validate());
        Assert.Empty(new SyntheticDataset { Features = 2, ClustersPerClass = 2 }.Validate());
    }

    private static double ClassMean(Dataset data, int label, int feature) =>
        Enumerable.Range(0, data.Count).Where(i => data.Labels[i] == label).Average(i => data.Features[i * data.RowLength + feature]);

    private static double MeanDistance(Dataset data, out double nearestMeanAccuracy)
    {
        var width = data.RowLength;
        var means = new[] { 0, 1 }.Select(c => Enumerable.Range(0, width).Select(j => ClassMean(data, c, j)).ToArray()).ToArray();
        double Distance(double[] a, Func<int, double> b) => Math.Sqrt(Enumerable.Range(0, width).Sum(j => Math.Pow(a[j] - b(j), 2)));
        nearestMeanAccuracy = Enumerable.Range(0, data.Count).Average(i =>
        {
            var d = means.Select(m => Distance(m, j => data.Features[i * width + j])).ToArray();
            return (d[1] < d[0] ? 1 : 0) == data.Labels[i] ? 1.0 : 0.0;
        });
        return Distance(means[0], j => means[1][j]);
    }
}
