using LossLab.Evaluation;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LossLab.Benchmarks;

/// <summary>
/// The engine's training of the seed-003 MLP written as a bare TorchSharp loop: the same tensors, the same initial
/// weights, a 2-16-8-1 ReLU network as three functional linear layers over hand-held parameters, Adam (lr 0.01),
/// full batch, mean BCE with logits, and per epoch the same validation pass the engine makes (forward under
/// no_grad, BCE, sigmoid scores, ROC-AUC with <see cref="RankingMetrics.RocAuc"/>). No plugins, modules, hashes or
/// final evaluation: what is left is the least any training of this model has to do.
/// </summary>
public sealed class BareMlpTraining(Seed003Training setup)
{
    private readonly float[][] _initial = setup.InitialParameters();

    /// <summary>Optional per-phase clock: time in the training step and in the validation pass, summed over epochs.</summary>
    public sealed class Phases
    {
        public TimeSpan Setup, Train, Validate;
    }

    /// <summary>Trains <see cref="Seed003Training.Epochs"/> epochs; returns the per-epoch train losses.</summary>
    public double[] Run(Phases? phases = null, Action<int>? afterEpoch = null)
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
    public double[] RunModule(Action<int>? afterEpoch = null)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var module = setup.Weights.Instantiate(setup.Request.Model, setup.Request.Info, setup.Request.Device);
        return Loop(module.parameters(), x => module.call(x), clock, null, afterEpoch);
    }

    private double[] Loop(IEnumerable<Parameter> parameters, Func<Tensor, Tensor> forward, System.Diagnostics.Stopwatch clock, Phases? phases, Action<int>? afterEpoch)
    {
        var data = setup.Data;
        var lr = setup.Resolved.Experiment.Training.LearningRate;
        using var optimizer = optim.Adam(parameters, lr);
        if (phases is not null) phases.Setup += clock.Elapsed;
        var losses = new double[Seed003Training.Epochs];
        var labels = data.ValidationLabels;
        var scores = new double[labels.Length];
        for (var epoch = 0; epoch < Seed003Training.Epochs; epoch++)
        {
            clock.Restart();
            using (NewDisposeScope())
            {
                optimizer.zero_grad();
                var loss = nn.functional.binary_cross_entropy_with_logits(forward(data.TrainX), data.TrainY);
                loss.backward();
                optimizer.step();
                losses[epoch] = loss.item<float>();
            }
            if (phases is not null) phases.Train += clock.Elapsed;
            clock.Restart();
            using (NewDisposeScope())
            using (no_grad())
            {
                var logits = forward(data.ValidationX);
                var bce = nn.functional.binary_cross_entropy_with_logits(logits, data.ValidationY).item<float>();
                var raw = logits.data<float>().ToArray();
                for (var i = 0; i < scores.Length; i++) scores[i] = Sigmoid(raw[i]);
                var auc = RankingMetrics.RocAuc(labels, scores);
                if (!float.IsFinite(bce) || double.IsNaN(auc)) throw new InvalidOperationException($"epoch {epoch + 1}: bce {bce}, auc {auc}");
            }
            if (phases is not null) phases.Validate += clock.Elapsed;
            afterEpoch?.Invoke(epoch + 1);
        }
        return losses;
    }

    private static Tensor Forward(Parameter[] p, Tensor x)
    {
        var h1 = nn.functional.relu(nn.functional.linear(x, p[0], p[1]));
        var h2 = nn.functional.relu(nn.functional.linear(h1, p[2], p[3]));
        return nn.functional.linear(h2, p[4], p[5]).squeeze(-1);
    }

    private static double Sigmoid(double x) => x >= 0 ? 1 / (1 + Math.Exp(-x)) : Math.Exp(x) / (1 + Math.Exp(x));

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
