using LossLab.Evaluation.Experiments;
using System.Text.Json.Nodes;
using LossLab.Evaluation;
using LossLab.Evaluation.Results;

namespace LossLab.Reports.Tests.Fixtures;

/// <summary>
/// A realistic experiment without training: 3 losses × 3 seeds on a 99:1 two-feature dataset, with epochs, loss
/// shapes, aggregates, a paired bootstrap, decision boundaries and one failed run. Scores come from a fixed
/// System.Random seed, and every metric is computed from them with the evaluation library, so numbers agree.
/// </summary>
internal static class ExperimentFixture
{
    public static readonly string[] Losses = ["bce", "weighted-bce", "focal"];
    public static readonly int[] Seeds = [1, 2, 3];
    /// <summary>The three kinds of objective: a maximum (F1), a balanced one (Youden's J) and a floor (recall ≥ 0.9).</summary>
    public static readonly string[] Objectives = ["max_f1", "youden", "recall>=0.9"];
    public const int TestRows = 1800;
    public const int TestPositives = 18;
    public const string FailedLoss = "focal";
    public const int FailedSeed = 3;
    public const string FailedError = "InvalidOperationException: loss returned NaN at epoch 4 (lr=0.05)";

    public static (ExperimentResults Results, List<Prediction> Predictions) Build(bool twoFeatures = true)
    {
        var random = new Random(20240611);
        var predictions = new List<Prediction>();
        var runs = new List<RunResult>();
        var boundaries = new List<DecisionBoundary>();
        foreach (var loss in Losses)
        {
            foreach (var seed in Seeds)
            {
                if (loss == FailedLoss && seed == FailedSeed)
                {
                    runs.Add(new RunResult
                    {
                        Loss = loss, Seed = seed, Status = RunStatus.Failed, Error = FailedError,
                        InitHash = Hash(random), DataOrderHash = Hash(random), Epochs = Epochs(random, loss, 4, diverge: true),
                    });
                    continue;
                }

                var validation = Scores(random, loss, 1800, 18);
                var test = Scores(random, loss, TestRows, TestPositives);
                predictions.AddRange(validation.Labels.Select((l, i) => new Prediction("validation", seed, loss, l, validation.Scores[i])));
                predictions.AddRange(test.Labels.Select((l, i) => new Prediction("test", seed, loss, l, test.Scores[i])));
                var tuned = Objectives.ToDictionary(o => o, o => ThresholdTuner.Evaluate(ThresholdObjective.Parse(o), validation.Labels, validation.Scores, test.Labels, test.Scores));
                runs.Add(new RunResult
                {
                    Loss = loss, Seed = seed, Status = RunStatus.Completed,
                    InitHash = Hash(random), DataOrderHash = Hash(random),
                    Epochs = Epochs(random, loss, 20, diverge: false),
                    Test = Metrics.Compute(test.Labels, test.Scores),
                    Validation = Metrics.Compute(validation.Labels, validation.Scores),
                    Thresholds = tuned,
                    DurationS = 3 + random.NextDouble(),
                    ModelPath = $"models/{loss}-{seed}.pt",
                });
                if (twoFeatures && seed == Seeds[0])
                    boundaries.Add(Boundary(random, loss, seed));
            }
        }

        var results = new ExperimentResults
        {
            Name = "imbalanced-moons",
            Title = "BCE vs weighted BCE vs focal on two moons at 99:1",
            StartedAt = new DateTimeOffset(2025, 6, 11, 9, 30, 0, TimeSpan.Zero),
            CommandLine = "losslab run experiments/moons.yaml --set train.epochs=20 --out results/moons",
            Experiment = Experiment(),
            Environment = new EnvironmentInfo
            {
                Os = "Debian GNU/Linux 12 (bookworm)", DotNet = "10.0.0", TorchSharp = "0.107.0", LibTorch = "2.10.0",
                Device = "cpu", Threads = 2, Machine = "x86_64, 2 cores, 24 GiB", LossLab = "0.1.0+abc1234",
            },
            Plugins =
            [
                new PluginUsage("loss", "focal", "plugins/LossLab.Losses.Focal/LossLab.Losses.Focal.dll", FocalSha256),
                new PluginUsage("dataset", "moons", "builtin", new string('b', 64)),
            ],
            Dataset = new DatasetSummary
            {
                Plugin = "moons", Source = "generated", Rows = 9000, Positives = 90, Negatives = 8910, Ratio = 99,
                InputShape = [2], FeatureNames = twoFeatures ? ["x1", "x2"] : ["x1", "x2", "x3"], ClassNames = ["majority", "minority"],
                LoadedRows = 18000, LoadedPositives = 9000,
                Splits = new()
                {
                    ["train"] = new SplitSummary(5400, 54), ["validation"] = new SplitSummary(1800, 18), ["test"] = new SplitSummary(TestRows, TestPositives),
                },
            },
            Model = new ModelSummary { Plugin = "mlp", Parameters = 193 },
            Losses = LossSummaries(),
            Seeds = [.. Seeds],
            ThresholdObjectives = [.. Objectives],
            Runs = runs,
            Aggregates = Losses.Select(l => Aggregate(l, runs)).ToList(),
            Bootstrap = Bootstrap(runs),
            LossShapes = Losses.Select(Shape).ToList(),
            DecisionBoundaries = boundaries,
        };
        return (results, predictions);
    }

    public const string FocalFormula = "FL = −α_t·(1 − p_t)^γ·log p_t";
    public const string FocalNote = "At p_t = 0.5 a positive example pulls 0.33× as hard as a negative one: α = 0.25 weighs positives down, although they are the 1 % minority here.";
    public const string FocalSha256 = "3f5a0c6e9d2b41f7a8c3e5d6b7a8091c2d3e4f5061728394a5b6c7d8e9f0a1b2";

    /// <summary>What the engine records per loss for the loss card; formula, option help and notes as the plugins and engine write them.</summary>
    private static List<LossSummary> LossSummaries() =>
    [
        new LossSummary
        {
            Name = "bce", Plugin = "bce", Description = "Binary cross-entropy on the logit.",
            Formula = "BCE = −[y·log p + (1 − y)·log(1 − p)],  p = σ(z)",
            Source = "plugins/LossLab.Losses.Standard/LossLab.Losses.Standard.dll", Sha256 = new string('c', 64),
            Notes = ["With no weighting, the 54 training positives carry 1 % of the total loss when every example is equally wrong."],
        },
        new LossSummary
        {
            Name = "weighted-bce", Plugin = "bce", Description = "Binary cross-entropy with a weight on the positive term.",
            Formula = "BCE_w = −[w₊·y·log p + (1 − y)·log(1 − p)]",
            OptionHelp = new() { ["pos_weight"] = "Weight w₊ of the positive term; 1 is plain BCE, n_negative / n_positive balances the classes." },
            Source = "plugins/LossLab.Losses.Standard/LossLab.Losses.Standard.dll", Sha256 = new string('c', 64),
            Notes = ["pos_weight = 99 matches this data's 99:1 ratio: the positives now carry as much total loss as the negatives.",
                "At p_t = 0.5 a positive example pulls 99× as hard as a negative one."],
        },
        new LossSummary
        {
            Name = "focal", Plugin = "focal", Description = "Focal loss (Lin et al. 2017): cross-entropy scaled down for easy examples.",
            Formula = FocalFormula,
            OptionHelp = new()
            {
                ["gamma"] = "Focusing parameter γ ≥ 0: the factor (1 − p_t)^γ discounts well-classified examples; γ = 0 is α-weighted BCE.",
                ["alpha"] = "Weight α of the positive class (1 − α for the negative class); α = 0.25 is the paper's choice for detection.",
            },
            Source = "plugins/LossLab.Losses.Focal/LossLab.Losses.Focal.dll", Sha256 = FocalSha256,
            Notes = [FocalNote, "With γ = 2, an example at p_t = 0.9 weighs 0.01× what it would under BCE; at p_t = 0.5, 0.25×."],
        },
    ];

    /// <summary>Scores from a latent score per class: bce is calibrated but shy, weighted-bce pushes everything up, focal squeezes.</summary>
    private static (int[] Labels, double[] Scores) Scores(Random random, string loss, int rows, int positives)
    {
        var labels = new int[rows];
        var scores = new double[rows];
        var (shift, scale, separation) = loss switch
        {
            "weighted-bce" => (3.6, 1.2, 2.9),
            "focal" => (1.6, 0.6, 3.1),
            _ => (0.0, 1.0, 3.2),
        };
        for (var i = 0; i < rows; i++)
        {
            labels[i] = i < positives ? 1 : 0;
            var latent = -4.8 + Normal(random) * 1.1 + (labels[i] == 1 ? separation : 0);
            scores[i] = 1 / (1 + Math.Exp(-(latent * scale + shift)));
        }

        return (labels, scores);
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static List<EpochRecord> Epochs(Random random, string loss, int count, bool diverge)
    {
        var scale = loss switch { "weighted-bce" => 1.3, "focal" => 0.02, _ => 0.08 };
        var epochs = new List<EpochRecord>();
        for (var e = 1; e <= count; e++)
        {
            var train = scale * (0.4 + 1.6 * Math.Exp(-e / 4.0)) * (1 + 0.05 * Normal(random));
            var bce = 0.03 + 0.3 * Math.Exp(-e / 3.0) + (loss == "weighted-bce" ? 0.12 : loss == "focal" ? 0.05 : 0) + 0.004 * Normal(random);
            epochs.Add(new EpochRecord
            {
                Epoch = e,
                TrainLoss = diverge && e == count ? double.NaN : train,
                ValidationLoss = train * 1.05,
                ValidationBce = diverge && e == count ? double.NaN : bce,
                ValidationRocAuc = 0.9 + 0.08 * (1 - Math.Exp(-e / 4.0)),
            });
        }

        return epochs;
    }

    private static LossAggregate Aggregate(string loss, List<RunResult> runs)
    {
        var completed = runs.Where(r => r.Loss == loss && r.Status == RunStatus.Completed).ToList();
        return new LossAggregate
        {
            Loss = loss,
            CompletedRuns = completed.Count,
            Test = Statistics(completed.Select(r => r.Test!)),
            Thresholds = Objectives.ToDictionary(o => o, o => Statistics(completed.Select(r => r.Thresholds[o].Test))),
        };
    }

    private static Dictionary<string, Statistic> Statistics(IEnumerable<MetricSet> sets)
    {
        var dictionaries = sets.Select(MetricNames.ToDictionary).ToList();
        return MetricNames.All.ToDictionary(name => name, name =>
        {
            var values = dictionaries.Select(d => d[name]).ToList();
            var mean = values.Average();
            var sd = values.Count > 1 ? Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1)) : 0;
            return new Statistic(mean, sd, values.Min(), values.Max(), values.Count);
        });
    }

    private static BootstrapSummary Bootstrap(List<RunResult> runs)
    {
        var metrics = new Dictionary<string, Dictionary<string, Interval>>();
        foreach (var loss in Losses)
        {
            var completed = runs.Where(r => r.Loss == loss && r.Status == RunStatus.Completed).ToList();
            metrics[loss] = new()
            {
                ["roc_auc"] = Around(completed.Average(r => r.Test!.RocAuc), 0.02),
                ["average_precision"] = Around(completed.Average(r => r.Test!.AveragePrecision), 0.08),
                ["f1"] = Around(completed.Average(r => r.Thresholds["max_f1"].Test.F1), 0.1),
            };
        }

        // Differences against bce from the per-loss means, with interval widths typical of 18 test positives.
        var halfWidths = new Dictionary<string, double> { ["roc_auc"] = 0.01, ["average_precision"] = 0.06, ["f1"] = 0.08 };
        var differences = Losses.Skip(1).ToDictionary(loss => loss, loss => halfWidths.ToDictionary(h => h.Key, h =>
        {
            var estimate = metrics[loss][h.Key].Estimate - metrics["bce"][h.Key].Estimate;
            var (lower, upper) = (estimate - h.Value, estimate + h.Value);
            var verdict = lower > 0 ? "better" : upper < 0 ? "worse" : "no clear difference";
            return new PairedDifference(estimate, lower, upper, verdict);
        }));
        return new BootstrapSummary
        {
            Resamples = 1000, Seed = 7, Baseline = "bce", ThresholdObjective = "max_f1", Metrics = metrics, Differences = differences,
        };
    }

    private static Interval Around(double estimate, double half) =>
        new(estimate, Math.Max(0, estimate - half), Math.Min(1, estimate + half));

    private static LossShape Shape(string loss)
    {
        var pt = Enumerable.Range(1, 199).Select(i => i / 200.0).ToArray();
        double Bce(double p) => -Math.Log(p);
        double BceGrad(double p) => 1 - p;
        double Focal(double p) => -0.25 * Math.Pow(1 - p, 2) * Math.Log(p);
        double FocalGrad(double p) => 0.25 * Math.Pow(1 - p, 2) * (2 * p * -Math.Log(p) + (1 - p)) ;
        var (lossPos, gradPos, lossNeg, gradNeg) = loss switch
        {
            "weighted-bce" => (pt.Select(p => 99 * Bce(p)), pt.Select(p => 99 * BceGrad(p)), pt.Select(Bce), pt.Select(BceGrad)),
            "focal" => (pt.Select(Focal), pt.Select(FocalGrad), pt.Select(p => Focal(p) * 3), pt.Select(p => FocalGrad(p) * 3)),
            _ => (pt.Select(Bce), pt.Select(BceGrad), pt.Select(Bce), pt.Select(BceGrad)),
        };
        return new LossShape
        {
            Loss = loss, Pt = pt,
            // Signed as the engine writes them: d loss / d logit < 0 for a positive target, > 0 for a negative one.
            LossPositive = lossPos.ToArray(), GradPositive = gradPos.Select(g => -g).ToArray(), LossNegative = lossNeg.ToArray(), GradNegative = gradNeg.ToArray(),
        };
    }

    private static DecisionBoundary Boundary(Random random, string loss, int seed)
    {
        const int n = 40;
        var shift = loss switch { "weighted-bce" => 3.0, "focal" => 1.2, _ => 0.0 };
        var scores = new double[n * n];
        for (var iy = 0; iy < n; iy++)
        {
            for (var ix = 0; ix < n; ix++)
            {
                var x = -3 + 6.0 * ix / (n - 1);
                var y = -3 + 6.0 * iy / (n - 1);
                var z = 2.5 - 1.6 * ((x - 1) * (x - 1) + (y - 0.5) * (y - 0.5)) + shift;
                scores[iy * n + ix] = 1 / (1 + Math.Exp(-z));
            }
        }

        var labels = Enumerable.Range(0, 400).Select(i => i < 12 ? 1 : 0).ToArray();
        var xs = labels.Select(l => l == 1 ? 1 + 0.6 * Normal(random) : 1.3 * Normal(random)).ToArray();
        var ys = labels.Select(l => l == 1 ? 0.5 + 0.6 * Normal(random) : 1.3 * Normal(random)).ToArray();
        return new DecisionBoundary
        {
            Loss = loss, Seed = seed, XMin = -3, XMax = 3, YMin = -3, YMax = 3, Resolution = n, Scores = scores,
            TestX = xs, TestY = ys, TestLabels = labels,
        };
    }

    private static string Hash(Random random) => Convert.ToHexStringLower(Enumerable.Range(0, 8).Select(_ => (byte)random.Next(256)).ToArray());

    private static Experiment Experiment() => new()
    {
        Name = "imbalanced-moons",
        Dataset = new DatasetChoice("moons", new JsonObject { ["noise"] = 0.2, ["ratio"] = 99 }),
        Model = new PluginChoice("mlp", new JsonObject { ["hidden"] = new JsonArray(16, 8) }),
        Losses =
        [
            new LossChoice("bce", "bce", []),
            new LossChoice("weighted-bce", "bce", new JsonObject { ["pos_weight"] = 99.0 }),
            new LossChoice("focal", "focal", new JsonObject { ["gamma"] = 2.0, ["alpha"] = 0.25 }),
        ],
        Training = new TrainingSettings(Epochs: 20, BatchSize: 256),
        Seeds = [1, 2, 3],
    };
}
