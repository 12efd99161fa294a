using LossLab.Evaluation.Tests.Reference;
using Xunit;

namespace LossLab.Evaluation.Tests;

public class ThresholdTunerTests
{
    private const double Tol = 1e-12;

    // Candidates (descending) of labels [0, 0, 1, 1], scores [0.1, 0.4, 0.35, 0.8]:
    //   t     TP FP FN  recall precision  F1            J = TPR − FPR
    //   0.8    1  0  1   0.5    1          2/3           0.5
    //   0.4    1  1  1   0.5    0.5        2/4 = 0.5     0
    //   0.35   2  1  0   1      2/3        4/5 = 0.8     0.5
    //   0.1    2  2  0   1      0.5        4/6           0
    private static readonly int[] Y = [0, 0, 1, 1];
    private static readonly double[] S = [0.1, 0.4, 0.35, 0.8];

    [Theory]
    [InlineData("max_f1", 0.35, 0.8, true)]
    // F2 = 5·TP/(5·TP + 4·FN + FP): 5/9, 5/10, 10/11, 10/12 → 0.35 with 10/11.
    [InlineData("max_fbeta:2", 0.35, 10.0 / 11.0, true)]
    // J ties at 0.5 for 0.8 and 0.35: the highest threshold wins.
    [InlineData("youden", 0.8, 0.5, true)]
    // The highest threshold with recall ≥ R; value = precision there.
    [InlineData("recall>=0.9", 0.35, 2.0 / 3.0, true)]
    [InlineData("recall>=0.5", 0.8, 1.0, true)]
    // Among precision ≥ P, the highest recall; value = recall there.
    [InlineData("precision>=0.9", 0.8, 0.5, true)]
    [InlineData("precision>=0.6", 0.35, 1.0, true)]
    // Cost 1·FP + 10·FN: 10, 11, 1, 2 → 0.35 costing 1. Cost 10·FP + 1·FN: 1, 11, 10, 20 → 0.8 costing 1.
    [InlineData("cost:1,10", 0.35, 1.0, true)]
    [InlineData("cost:10,1", 0.8, 1.0, true)]
    // Fixed: nothing tuned; value = F1 at 0.5 (TP 1, FP 0, FN 1 → 2/3).
    [InlineData("0.5", 0.5, 2.0 / 3.0, true)]
    public void Tune_HandWorked(string objective, double threshold, double value, bool feasible)
    {
        var tuned = ThresholdTuner.Tune(ThresholdObjective.Parse(objective), Y, S);
        Assert.Equal(threshold, tuned.Threshold);
        Assert.Equal(value, tuned.ObjectiveValue, Tol);
        Assert.Equal(feasible, tuned.Feasible);
    }

    [Fact]
    public void PrecisionFloor_Infeasible_PicksHighestPrecisionThenHighestRecall()
    {
        // Descending 0.9 (neg) P 0; 0.8 (pos) P 1/2 R 1/2; 0.7 (neg) P 1/3; 0.6 (pos) P 2/4 R 1.
        // Precision never reaches 0.8; the best precision 1/2 is at 0.8 and 0.6, and 0.6 has recall 1.
        var tuned = ThresholdTuner.Tune(ThresholdObjective.Parse("precision>=0.8"), [0, 1, 0, 1], [0.9, 0.8, 0.7, 0.6]);
        Assert.False(tuned.Feasible);
        Assert.Equal(0.6, tuned.Threshold);
        Assert.Equal(1.0, tuned.ObjectiveValue);
    }

    [Fact]
    public void Tune_OneClass_Throws_ExceptForFixed()
    {
        Assert.Throws<ArgumentException>(() => ThresholdTuner.Tune(new YoudenObjective(), [0, 0], [0.2, 0.3]));
        Assert.Equal(0.5, ThresholdTuner.Tune(new FixedThresholdObjective(0.5), [0, 0], [0.2, 0.3]).Threshold);
    }

    [Fact]
    public void Evaluate_TunesOnOneSetAndJudgesOnTheOther()
    {
        // Tuned max_f1 = 0.35 (above); on the test rows [1, 0, 1] with [0.36, 0.5, 0.2]: TP 1, FP 1, FN 1.
        var result = ThresholdTuner.Evaluate(new MaxFBetaObjective(1), Y, S, [1, 0, 1], [0.36, 0.5, 0.2]);
        Assert.Equal("max_f1", result.Objective.Name);
        Assert.Equal("validation", result.TunedOn);
        Assert.Equal(0.35, result.Threshold);
        Assert.Equal(0.8, result.ObjectiveValue, Tol);
        Assert.True(result.Feasible);
        Assert.Equal((1, 1, 0, 1), (result.Test.Tp, result.Test.Fp, result.Test.Tn, result.Test.Fn));
        Assert.Equal(0.35, result.Test.Threshold);
        Assert.Equal(3, result.Test.N);
    }

    public static TheoryData<int, int, double, int> RandomCases() => new()
    {
        { 31, 300, 1, 2 },
        { 32, 1000, 9, 2 },
        { 33, 2000, 99, 3 },
        { 34, 3000, 500, 2 },
        { 35, 500, 3, 1 },
    };

    [Theory]
    [MemberData(nameof(RandomCases))]
    public void RecallFloor_MeetsFloor_AtTheHighestSuchCandidate(int seed, int n, double ratio, int decimals)
    {
        var (y, s) = RandomData.Scores(seed, n, ratio, decimals);
        double[] candidates = s.Distinct().OrderByDescending(v => v).ToArray();
        foreach (double r in (double[])[0.1, 0.5, 0.8, 0.9, 0.95, 1.0])
        {
            var tuned = ThresholdTuner.Tune(new RecallFloorObjective(r), y, s);
            Assert.True(tuned.Feasible);
            Assert.Contains(tuned.Threshold, s);
            var (tp, fp, _, fn) = SlowReference.Confusion(y, s, tuned.Threshold);
            Assert.True((double)tp / (tp + fn) >= r);
            Assert.Equal((double)tp / (tp + fp), tuned.ObjectiveValue, Tol);
            int k = Array.IndexOf(candidates, tuned.Threshold);
            if (k > 0)
            {
                var above = SlowReference.Confusion(y, s, candidates[k - 1]);
                Assert.True((double)above.Tp / (above.Tp + above.Fn) < r);
            }
        }
    }

    [Theory]
    [MemberData(nameof(RandomCases))]
    public void TunedObjectives_AreBestOverAllCandidates_ByBruteForce(int seed, int n, double ratio, int decimals)
    {
        var (y, s) = RandomData.Scores(seed, n, ratio, decimals);
        double[] candidates = s.Distinct().ToArray();
        int p = y.Sum(), negatives = n - p;

        var f1 = ThresholdTuner.Tune(new MaxFBetaObjective(1), y, s);
        Assert.Contains(f1.Threshold, s);
        Assert.Equal(candidates.Max(t => SlowReference.F1(y, s, t)), f1.ObjectiveValue, 1e-12);
        Assert.Equal(f1.ObjectiveValue, SlowReference.F1(y, s, f1.Threshold), 1e-12);

        double J(double t) { var c = SlowReference.Confusion(y, s, t); return (double)c.Tp / p - (double)c.Fp / negatives; }
        var youden = ThresholdTuner.Tune(new YoudenObjective(), y, s);
        Assert.Equal(candidates.Max(J), youden.ObjectiveValue, 1e-12);
        Assert.Equal(youden.ObjectiveValue, J(youden.Threshold), 1e-12);

        double Cost(double t) { var c = SlowReference.Confusion(y, s, t); return 1.0 * c.Fp + 25.0 * c.Fn; }
        var cost = ThresholdTuner.Tune(new CostObjective(1, 25), y, s);
        Assert.Equal(candidates.Min(Cost), cost.ObjectiveValue, 1e-9);

        foreach (double floor in (double[])[0.3, 0.6, 0.9])
        {
            var precision = ThresholdTuner.Tune(new PrecisionFloorObjective(floor), y, s);
            Assert.Contains(precision.Threshold, s);
            double Precision(double t) { var c = SlowReference.Confusion(y, s, t); return (double)c.Tp / (c.Tp + c.Fp); }
            double Recall(double t) => (double)SlowReference.Confusion(y, s, t).Tp / p;
            var feasible = candidates.Where(t => Precision(t) >= floor).ToArray();
            Assert.Equal(feasible.Length > 0, precision.Feasible);
            if (feasible.Length > 0)
            {
                Assert.True(Precision(precision.Threshold) >= floor);
                Assert.Equal(feasible.Max(Recall), precision.ObjectiveValue, 1e-12);
            }
            else
            {
                Assert.Equal(candidates.Max(Precision), Precision(precision.Threshold), 1e-12);
            }
        }
    }

    [Fact]
    public void Sweep_HandWorked()
    {
        // 11 points t = j/10. t = 0: all positive, P 1/2, R 1, F1 2/3. t = 0.3: {0.35, 0.4, 0.8}, P 2/3, R 1, F1 0.8.
        // t = 0.4: {0.4, 0.8} (0.4 ≥ 0.4), P 1/2, R 1/2, F1 1/2. t = 0.5: {0.8}, P 1, R 1/2, F1 2/3. t = 1: none → 0, 0, 0.
        var curve = ThresholdSweep.Compute(Y, S, 11);
        Assert.Equal(11, curve.Thresholds.Length);
        Assert.Equal(0.0, curve.Thresholds[0]);
        Assert.Equal(1.0, curve.Thresholds[10]);
        (int j, double p, double r, double f)[] expected =
            [(0, 0.5, 1, 2.0 / 3), (3, 2.0 / 3, 1, 0.8), (4, 0.5, 0.5, 0.5), (5, 1, 0.5, 2.0 / 3), (10, 0, 0, 0)];
        foreach (var (j, p, r, f) in expected)
        {
            Assert.Equal(p, curve.Precision[j], Tol);
            Assert.Equal(r, curve.Recall[j], Tol);
            Assert.Equal(f, curve.F1[j], Tol);
        }
    }

    [Theory]
    [MemberData(nameof(RandomCases))]
    public void Sweep_MatchesDirectCounting(int seed, int n, double ratio, int decimals)
    {
        var (y, s) = RandomData.Scores(seed, n, ratio, decimals);
        var curve = ThresholdSweep.Compute(y, s);
        Assert.Equal(201, curve.Thresholds.Length);
        for (int j = 0; j < 201; j += 7)
        {
            Assert.Equal(j / 200.0, curve.Thresholds[j], Tol);
            Assert.Equal(SlowReference.F1(y, s, curve.Thresholds[j]), curve.F1[j], 1e-12);
        }
    }
}
