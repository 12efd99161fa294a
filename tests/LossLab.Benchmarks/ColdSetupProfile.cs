using System.Globalization;
using LossLab.Engine.Training;
using LossLab.Engine.Training.Optimizers;
using TorchSharp;
using static TorchSharp.torch;

namespace LossLab.Benchmarks;

/// <summary>
/// Part 3 of <c>profile-training</c>: what Trainer.Run does before and in its first epoch, step by step, each
/// time right after a bare training (so caches hold what they hold when the runner starts a run), against the
/// same steps of a bare loop over the same module. Thread CPU, median over the rounds.
/// </summary>
internal static class ColdSetupProfile
{
    public static void Run(TextWriter output, Seed003Training setup, BareMlpTraining evict, int rounds)
    {
        var request = setup.Request;
        var data = setup.Data;
        var steps = new Dictionary<string, List<double>>();
        void Add(string name, double micros)
        {
            if (!steps.TryGetValue(name, out var list)) steps[name] = list = [];
            list.Add(micros);
        }
        for (var r = 0; r < rounds; r++)
        {
            evict.Run();
            var clock = ThreadCpuClock.Milliseconds();
            double Lap()
            {
                var now = ThreadCpuClock.Milliseconds();
                var micros = (now - clock) * 1e3;
                clock = now;
                return micros;
            }
            var loss = new CheckedLoss(request.Loss.Plugin.CreateFresh());
            Add("loss CreateFresh", Lap());
            using var model = request.Weights.Instantiate(request.Model, request.Info, request.Device);
            Add("Weights.Instantiate (Build + copy initial weights)", Lap());
            using var optimizer = ParameterUpdate.Create(setup.Resolved.Experiment.Training, [.. model.parameters()]);
            Add("ParameterUpdate (Adam) over the module's parameters", Lap());
            InitialWeights.WithTorchRandom(() => torch.manual_seed(data.Seed));
            var switchModes = TrainingModeLayers.Of(model).SwitchModes;
            var pass = new ValidationPass(data, switchModes);
            Add("manual_seed + TrainingModeLayers + ValidationPass", Lap());
            for (var epoch = 1; epoch <= 2; epoch++)
            {
                if (switchModes || epoch == 1) model.train();
                double trainLoss;
                using (NewDisposeScope())
                {
                    optimizer.ZeroGrad();
                    var value = loss.Mean(model.call(data.TrainX), data.TrainY, data.TrainCounts);
                    value.backward();
                    optimizer.Step();
                    trainLoss = value.item<float>();
                }
                Add($"epoch {epoch}: train step{(epoch == 1 ? " (with the one-time Forward shape check)" : "")}", Lap());
                pass.Run(model, loss, epoch, trainLoss);
                Add($"epoch {epoch}: validation pass{(epoch == 1 ? " (first ROC-AUC sorts afresh)" : "")}", Lap());
            }
        }
        output.WriteLine($"Part 3: Trainer.Run's setup and first two epochs step by step, each round right after a bare training; thread CPU µs, median of {rounds}");
        foreach (var (name, values) in steps)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-58} {TrainingProfile.Median(values),10:F1} µs"));
    }
}
