using LossLab.Evaluation.Tests.Reference;
using Xunit;

namespace LossLab.Evaluation.Tests;

public class CalibrationTests
{
    private const double Tol = 1e-12;

    [Fact]
    public void Ece_HandWorked()
    {
        // B = 10: 0.2 → bin 2 (label 0), 0.6 → bin 6 (label 1). ECE = ½·|0 − 0.2| + ½·|1 − 0.6| = 0.3.
        Assert.Equal(0.3, Calibration.ExpectedCalibrationError([0, 1], [0.2, 0.6]), Tol);
        Assert.Equal(0.4, Calibration.MaximumCalibrationError([0, 1], [0.2, 0.6]), Tol);
    }

    [Fact]
    public void Ece_SharedBin()
    {
        // Scores 0.71, 0.75, 0.79 share bin 7, labels 1, 0, 1: acc = 2/3, conf = 0.75; score 0.05 (label 0) in bin 0.
        // ECE = ¾·|2/3 − 0.75| + ¼·|0 − 0.05| = ¾·(1/12) + 0.0125 = 0.0625 + 0.0125 = 0.075. MCE = 1/12.
        int[] y = [1, 0, 1, 0];
        double[] s = [0.71, 0.75, 0.79, 0.05];
        Assert.Equal(0.075, Calibration.ExpectedCalibrationError(y, s), 1e-12);
        Assert.Equal(1.0 / 12.0, Calibration.MaximumCalibrationError(y, s), 1e-12);
    }

    [Fact]
    public void Edges_LowerEdgeOpensItsBin_OneIsInLastBin()
    {
        // 0.3 = 3/10 is the lower edge of bin 3; 1.0 is in the last bin; 0.0 in the first.
        var bins = Calibration.Reliability([1, 0, 1], [0.3, 1.0, 0.0]);
        Assert.Equal(1, bins[3].Count);
        Assert.Equal(0, bins[2].Count);
        Assert.Equal(1, bins[9].Count);
        Assert.Equal(1, bins[0].Count);
        Assert.Equal(1.0, bins[9].MeanScore);
        Assert.Equal(0.0, bins[9].FractionPositive);
    }

    [Fact]
    public void Reliability_EmptyEqualWidthBins_AreKeptWithNaN()
    {
        var bins = Calibration.Reliability([0, 1], [0.2, 0.6], bins: 5);
        Assert.Equal(5, bins.Length);
        Assert.Equal((0.2, 0.4, 1), (bins[1].Lower, bins[1].Upper, bins[1].Count));
        Assert.Equal(0, bins[0].Count);
        Assert.True(double.IsNaN(bins[0].MeanScore));
        Assert.True(double.IsNaN(bins[0].FractionPositive));
        Assert.Equal((0.6, 1.0), (bins[3].MeanScore, bins[3].FractionPositive));
    }

    [Fact]
    public void Reliability_EqualCount_HandWorked()
    {
        // 7 scores in 3 bins: sorted positions [0,2), [2,4), [4,7) (⌊b·7/3⌋ = 0, 2, 4, 7).
        int[] y = [0, 0, 1, 0, 1, 1, 1];
        double[] s = [0.9, 0.1, 0.5, 0.2, 0.7, 0.8, 0.4];
        // Sorted: 0.1(0) 0.2(0) | 0.4(1) 0.5(1) | 0.7(1) 0.8(1) 0.9(0)
        var bins = Calibration.Reliability(y, s, 3, ReliabilityBinning.EqualCount);
        Assert.Equal(3, bins.Length);
        AssertBin(new ReliabilityBin(0.1, 0.2, 2, 0.15, 0.0), bins[0]);
        AssertBin(new ReliabilityBin(0.4, 0.5, 2, 0.45, 1.0), bins[1]);
        AssertBin(new ReliabilityBin(0.7, 0.9, 3, 0.8, 2.0 / 3.0), bins[2]);
    }

    [Fact]
    public void Reliability_EqualCount_FewerRowsThanBins()
    {
        var bins = Calibration.Reliability([0, 1], [0.3, 0.6], 10, ReliabilityBinning.EqualCount);
        Assert.Equal(2, bins.Length);
        Assert.All(bins, b => Assert.Equal(1, b.Count));
    }

    private static void AssertBin(ReliabilityBin expected, ReliabilityBin actual)
    {
        Assert.Equal(expected.Lower, actual.Lower);
        Assert.Equal(expected.Upper, actual.Upper);
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(expected.MeanScore, actual.MeanScore, 1e-12);
        Assert.Equal(expected.FractionPositive, actual.FractionPositive, 1e-12);
    }

    public static TheoryData<int, int, double, int, int> RandomCases() => new()
    {
        // seed, n, negatives per positive, decimals, bins
        { 21, 500, 1, 1, 10 },   // scores on bin edges (one decimal)
        { 22, 1000, 9, 2, 10 },
        { 23, 2000, 99, 2, 15 },
        { 24, 3000, 500, 3, 10 },
        { 25, 1000, 3, 2, 1 },
        { 26, 1000, 3, 2, 7 },
        { 27, 1000, 3, 2, 100 },
        { 28, 200, 1, 2, 20 },
    };

    [Theory]
    [MemberData(nameof(RandomCases))]
    public void EceAndMce_EqualDirectLoops(int seed, int n, double ratio, int decimals, int bins)
    {
        var (y, s) = RandomData.Scores(seed, n, ratio, decimals);
        Assert.Equal(SlowReference.Ece(y, s, bins), Calibration.ExpectedCalibrationError(y, s, bins), 1e-9);
        Assert.Equal(SlowReference.Mce(y, s, bins), Calibration.MaximumCalibrationError(y, s, bins), 1e-9);
    }

    [Theory]
    [MemberData(nameof(RandomCases))]
    public void ReliabilityAndHistogram_EqualDirectLoops(int seed, int n, double ratio, int decimals, int bins)
    {
        var (y, s) = RandomData.Scores(seed, n, ratio, decimals);
        var reliability = Calibration.Reliability(y, s, bins);
        var histogram = Calibration.Histogram(y, s, bins);
        var members = SlowReference.EqualWidthMembers(s, bins);
        Assert.Equal(bins + 1, histogram.Edges.Length);
        for (int b = 0; b < bins; b++)
        {
            Assert.Equal(members[b].Count, reliability[b].Count);
            Assert.Equal(members[b].Count(i => y[i] == 1), histogram.Positives[b]);
            Assert.Equal(members[b].Count(i => y[i] == 0), histogram.Negatives[b]);
            if (members[b].Count > 0)
            {
                Assert.Equal(members[b].Average(i => s[i]), reliability[b].MeanScore, 1e-12);
                Assert.Equal(members[b].Average(i => (double)y[i]), reliability[b].FractionPositive, 1e-12);
            }
        }
        Assert.Equal(n, histogram.Positives.Sum() + histogram.Negatives.Sum());
        var equalCount = Calibration.Reliability(y, s, bins, ReliabilityBinning.EqualCount);
        Assert.Equal(n, equalCount.Sum(b => b.Count));
        Assert.True(equalCount.Max(b => b.Count) - equalCount.Min(b => b.Count) <= 1);
    }

    [Fact]
    public void InvalidInput_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Calibration.ExpectedCalibrationError([0, 1], [0.1, 0.2], 0));
        Assert.Throws<ArgumentException>(() => Calibration.Histogram([0, 1], [0.1, -0.2]));
        Assert.Throws<ArgumentException>(() => Calibration.Reliability([0, 1], [0.1]));
    }
}
