using LossLab.Engine.Training.Optimizers;
using LossLab.Evaluation;
using LossLab.Evaluation.Results;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LossLab.Benchmarks;

/// <summary>
/// The engine's run of the seed-003 MLP written as a bare TorchSharp loop: the same tensors, the same initial
/// weights, a 2-16-8-1 ReLU network as three functional linear layers over hand-held parameters, Adam (lr 0.01),
/// full batch, mean BCE with logits, and per epoch the same validation pass the engine makes (forward under
/// no_grad, BCE, sigmoid scores, ROC-AUC with <see cref="RankingMetrics.RocAuc"/>). After the last epoch it does
/// what every engine run does with its trained model, with the same evaluation calls: scores the test rows, sorts
/// each split once, tunes every threshold objective on validation and applies it to test, and computes the metrics
/// at 0.5 on both splits. No plugins, modules, hashes, records or callbacks: what is left is the least a run of this
/// model has to do, so engine ÷ bare is the engine's overhead.
/// Two of the engine's parts can stand in for their plain equivalents, giving the same numbers, so that the engine's
/// own overhead can be told apart from what those parts save: with <paramref name="incrementalRocAuc"/> the per-epoch
/// ROC-AUC is the engine's <see cref="IncrementalRocAuc"/> (one per training, as the engine has one per run), with
/// <paramref name="engineOptimizer"/> the optimizer is the engine's <see cref="ParameterUpdate"/> instead of
/// torch.optim.Adam.
/// </summary>
public sealed class BareMlpTraining(Seed003Training setup, bool incrementalRocAuc = false, bool engineOptimizer = false)
{
    private readonly float[][] _initial = setup.InitialParameters();

    /// <summary>Optional per-phase clock: time in the training step and in the validation pass, summed over epochs.</summary>
    public sealed class Phases
    {
        public TimeSpan Setup, Train, Validate, Evaluate;
    }

    /// <summary>The per-epoch train losses and the test metrics at 0.5, to check against the engine's run.</summary>
    public sealed record Result(double[] TrainLosses, MetricSet Test, IReadOnlyDictionary<string, ThresholdResult> Thresholds);

    /// <summary>Trains <see cref="Seed003Training.Epochs"/> epochs, then evaluates as a run does.</summary>
    public Result Run(Phases? phases = null, Action<int>? afterEpoch = null)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        // Parameters in nn.Linear layout: weight [out, in], bias [out].
        var p = _initial.Select((values, i) => new Parameter(Shape(i, values), requires_grad: true)).ToArray();
        try
        {
            return Loop(p, x => Forward(p, x), clock, phases, afterEpoch);
        }
        finally
        {
            foreach (var t in p) t.Dispose();
        }
    }

    /// <summary>
    /// The same loop over the model plugin's module (as the engine instantiates it) instead of functional layers:
    /// the model's share of the engine's overhead, apart from the engine's own code.
    /// </summary>
    public Result RunModule(Action<int>? afterEpoch = null)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var module = setup.Weights.Instantiate(setup.Request.Model, setup.Request.Info, setup.Request.Device);
        // As the engine hands them to its optimizer (an array: see Trainer.CreateOptimizer).
        return Loop(module.parameters().ToArray(), x => module.call(x), clock, null, afterEpoch);
    }

    private Result Loop(IEnumerable<Parameter> parameters, Func<Tensor, Tensor> forward, System.Diagnostics.Stopwatch clock, Phases? phases, Action<int>? afterEpoch)
    {
        var data = setup.Data;
        var lr = setup.Resolved.Experiment.Training.LearningRate;
        using Optimizer optimizer = engineOptimizer ? new EngineOptimizer(ParameterUpdate.Create(setup.Resolved.Experiment.Training, [.. parameters])) : new TorchOptimizer(optim.Adam(parameters, lr));
        if (phases is not null) phases.Setup += clock.Elapsed;
        var losses = new double[Seed003Training.Epochs];
        var labels = data.ValidationLabels;
        var scores = new double[labels.Length];
        Func<double[], double> rocAuc = incrementalRocAuc ? new IncrementalRocAuc(labels).Compute : s => RankingMetrics.RocAuc(labels, s);
        for (var epoch = 0; epoch < Seed003Training.Epochs; epoch++)
        {
            clock.Restart();
            using (NewDisposeScope())
            {
                optimizer.ZeroGrad();
                var loss = nn.functional.binary_cross_entropy_with_logits(forward(data.TrainX), data.TrainY);
                loss.backward();
                optimizer.Step();
                losses[epoch] = loss.item<float>();
            }
            if (phases is not null) phases.Train += clock.Elapsed;
            clock.Restart();
            using (NewDisposeScope())
            using (no_grad())
            {
                var logits = forward(data.ValidationX);
                var bce = nn.functional.binary_cross_entropy_with_logits(logits, data.ValidationY).item<float>();
                Sigmoids(logits, scores);
                var auc = rocAuc(scores);
                if (!float.IsFinite(bce) || double.IsNaN(auc)) throw new InvalidOperationException($"epoch {epoch + 1}: bce {bce}, auc {auc}");
            }
            if (phases is not null) phases.Validate += clock.Elapsed;
            afterEpoch?.Invoke(epoch + 1);
        }

        clock.Restart();
        var test = new double[data.TestLabels.Length];
        using (NewDisposeScope())
        using (no_grad())
            Sigmoids(forward(data.TestX), test);
        // As the engine, which marks a run whose trained model outputs non-finite logits as diverged.
        if (!test.All(double.IsFinite) || !scores.All(double.IsFinite)) throw new InvalidOperationException("the trained model outputs non-finite logits");
        // The last validation pass already scored the trained model on the validation rows.
        var tune = new RankedRows(labels, scores);
        var judged = new RankedRows(data.TestLabels, test);
        var thresholds = new Dictionary<string, ThresholdResult>();
        foreach (var objective in setup.Resolved.Experiment.Thresholds)
            thresholds[objective.Name] = ThresholdTuner.Evaluate(objective, tune, judged);
        var result = new Result(losses, Metrics.Compute(judged), thresholds);
        Metrics.Compute(tune);
        if (phases is not null) phases.Evaluate += clock.Elapsed;
        return result;
    }

    /// <summary>The two optimizers behind one face (TorchSharp's Optimizer and the engine's ParameterUpdate share no type).</summary>
    private abstract class Optimizer : IDisposable
    {
        public abstract void ZeroGrad();
        public abstract void Step();
        public abstract void Dispose();
    }

    private sealed class TorchOptimizer(optim.Optimizer inner) : Optimizer
    {
        public override void ZeroGrad() => inner.zero_grad();
        public override void Step() => inner.step();
        public override void Dispose() => inner.Dispose();
    }

    private sealed class EngineOptimizer(ParameterUpdate inner) : Optimizer
    {
        public override void ZeroGrad() => inner.ZeroGrad();
        public override void Step() => inner.Step();
        public override void Dispose() => inner.Dispose();
    }

    private static void Sigmoids(Tensor logits, double[] into)
    {
        var raw = logits.data<float>().ToArray();
        for (var i = 0; i < into.Length; i++) into[i] = Logistic.Sigmoid(raw[i]);
    }

    private static Tensor Forward(Parameter[] p, Tensor x)
    {
        var h1 = nn.functional.relu(nn.functional.linear(x, p[0], p[1]));
        var h2 = nn.functional.relu(nn.functional.linear(h1, p[2], p[3]));
        return nn.functional.linear(h2, p[4], p[5]).squeeze(-1);
    }

    private static Tensor Shape(int index, float[] values) => index switch
    {
        0 => tensor(values, [16, 2]),
        1 => tensor(values, [16]),
        2 => tensor(values, [8, 16]),
        3 => tensor(values, [8]),
        4 => tensor(values, [1, 8]),
        5 => tensor(values, [1]),
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };
}
