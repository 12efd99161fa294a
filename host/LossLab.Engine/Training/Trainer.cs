using LossLab.Engine.Data;
using LossLab.Engine.Models;
using LossLab.Engine.Training.Optimizers;
using LossLab.Evaluation.Results;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LossLab.Engine.Training;

/// <summary>
/// Trains one model with one loss, scores it and hands the scores to <see cref="RunEvaluation"/>: every step and
/// evaluation pass inside its own dispose scope,
/// the loss reduced by the plugin's <see cref="LossLab.Abstractions.LossPlugin.Mean"/> (checked once, <see cref="CheckedLoss"/>). A non-finite loss stops the run as
/// diverged; an exception from a plugin fails it; cancellation stops it between steps.
/// </summary>
public sealed class Trainer
{
    public sealed record Outcome(RunResult Result, ScoredSplit? Validation, ScoredSplit? Test, DecisionBoundary? Boundary);

    public static Outcome Run(RunRequest request, Action<EpochProgress>? progress, CancellationToken cancellation)
    {
        var started = DateTime.UtcNow;
        var data = request.Data;
        var epochs = new List<EpochRecord>();
        RunResult Result(string status, string? error = null, int? divergedAt = null) => new()
        {
            Loss = request.Loss.Name, Seed = data.Seed, Status = status, Error = error, DivergedAtEpoch = divergedAt,
            InitHash = request.Weights.Hash, DataOrderHash = data.DataOrderHash, Epochs = epochs,
            DurationS = (DateTime.UtcNow - started).TotalSeconds,
        };

        CheckedLoss loss;
        nn.Module<Tensor, Tensor> built;
        try
        {
            loss = new CheckedLoss(request.Loss.Plugin.CreateFresh());
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new Outcome(Result(RunStatus.Failed, $"{request.Loss.Plugin.Descriptor.Label}: {e.GetType().Name}: {e.Message}"), null, null, null);
        }
        try
        {
            built = request.Weights.Instantiate(request.Model, request.Info, request.Device);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new Outcome(Result(RunStatus.Failed, $"model plugin '{request.Model.Name}': {e.GetType().Name}: {e.Message}"), null, null, null);
        }
        using var model = built;
        // Frozen parameters (requires_grad = false) get no gradient, so the optimizer never sees them: no update, no weight decay.
        using var optimizer = ParameterUpdate.Create(request.Experiment.Training, [.. model.parameters().Where(p => p.requires_grad)]);
        // Dropout draws from torch's global generator: reseeding per run gives every loss of a seed the same masks.
        InitialWeights.WithTorchRandom(() => torch.manual_seed(data.Seed));
        var layers = TrainingModeLayers.Of(model);
        var switchModes = layers.SwitchModes;
        using var monitor = new EpochMonitor(request.Experiment.Training);
        var validationPass = new ValidationPass(data, switchModes, monitor.NeedsAveragePrecision);
        int? stoppedAt = null;
        // Full batch trains on the split as it is; minibatches walk the seed's shuffled orders, made epoch by epoch.
        using var orders = data.Schedule.IsFullBatch(data.Split.Train.Length) ? null : data.Schedule.EpochOrders().GetEnumerator();

        try
        {
            for (var epoch = 0; epoch < request.Experiment.Training.Epochs; epoch++)
            {
                cancellation.ThrowIfCancellationRequested();
                if (switchModes || epoch == 0) layers.Train(model);
                var trainLoss = TrainEpoch(model, optimizer, loss, request, epoch, orders is not null && orders.MoveNext() ? orders.Current : null, cancellation);
                // A non-finite step has usually made the weights NaN too: there is nothing left to validate.
                if (!double.IsFinite(trainLoss))
                    return new Outcome(Result(RunStatus.Diverged, $"loss became {trainLoss} at epoch {epoch + 1}", epoch + 1), null, null, null);
                var record = validationPass.Run(model, loss, epoch + 1, trainLoss);
                epochs.Add(record);
                progress?.Invoke(new EpochProgress(request.Loss.Name, data.Seed, epoch + 1, request.Experiment.Training.Epochs, trainLoss,
                    record.ValidationLoss, record.ValidationRocAuc, record.ValidationAp));
                if (!double.IsFinite(record.ValidationLoss))
                    return new Outcome(Result(RunStatus.Diverged, $"validation loss became {record.ValidationLoss} at epoch {epoch + 1}", epoch + 1), null, null, null);
                if (monitor.Observe(record, model) && epoch + 1 < request.Experiment.Training.Epochs)
                {
                    stoppedAt = epoch + 1;
                    break;
                }
            }
        }
        catch (OperationCanceledException)
        {
            return new Outcome(Result(RunStatus.Cancelled, "cancelled"), null, null, null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new Outcome(Result(RunStatus.Failed, $"{request.Loss.Plugin.Descriptor.Label}: {e.GetType().Name}: {e.Message}"), null, null, null);
        }

        // With select_epoch: best the best epoch's weights come back, and validation is scored again with them.
        var selected = monitor.Selected(epochs.Count);
        var validation = monitor.RestoreBest(model, epochs.Count) ? Score(model, data.ValidationInputs) : validationPass.Last ?? Score(model, data.ValidationInputs);
        var test = Score(model, data.TestInputs);
        if (!AllFinite(validation.Logits) || !AllFinite(test.Logits))
            return new Outcome(Result(RunStatus.Diverged, "the trained model outputs non-finite logits", epochs.Count), null, null, null);

        if (request.ModelFolder is not null) SavedWeights.Save(model, request.ModelFolder);
        var boundary = request.DecisionBoundary ? DecisionBoundaryGrid.Compute(model, request, test) : null;
        var result = RunEvaluation.Evaluate(Result(RunStatus.Completed) with { SelectedEpoch = selected, StoppedEarlyAtEpoch = stoppedAt }, request, validation, test);
        return new Outcome(result, validation, test, boundary);
    }

    /// <param name="epoch">From 0; with the batch number, it seeds the augmentation (<see cref="SeedData.TrainBatch"/>).</param>
    /// <param name="order">This epoch's order of training rows, walked in batches; null: one full batch in split order.</param>
    private static double TrainEpoch(nn.Module<Tensor, Tensor> model, ParameterUpdate optimizer, CheckedLoss loss,
        RunRequest request, int epoch, int[]? order, CancellationToken cancellation)
    {
        var data = request.Data;
        if (order is null)
        {
            using var fullScope = NewDisposeScope();
            return Step(model, optimizer, loss, data.TrainBatch(null, null, epoch, 0), data.TrainY, data.TrainCounts);
        }
        // One index tensor per epoch; each batch is a view of it.
        using var epochIndex = tensor(order, ScalarType.Int64, request.Device);
        double total = 0;
        var number = 0;
        foreach (var batch in data.Schedule.Batches(order))
        {
            cancellation.ThrowIfCancellationRequested();
            using var scope = NewDisposeScope();
            var index = epochIndex.narrow(0, batch.Offset, batch.Count);
            total += Step(model, optimizer, loss, data.TrainBatch(batch, index, epoch, number++), data.TrainY.index_select(0, index), data.TrainCounts) * batch.Count;
        }
        return total / order.Length;
    }

    /// <summary>One optimizer step on one batch; returns the batch's mean loss.</summary>
    private static double Step(nn.Module<Tensor, Tensor> model, ParameterUpdate optimizer, CheckedLoss loss, Tensor x, Tensor y, LossLab.Abstractions.ClassCounts counts)
    {
        using var scope = NewDisposeScope();
        optimizer.ZeroGrad();
        var value = loss.Mean(model.call(x), y, counts);
        value.backward();
        optimizer.Step();
        return value.item<float>();
    }

    /// <summary>The model's scores for a split in eval mode; image splits go through the model a chunk at a time.</summary>
    public static ScoredSplit Score(nn.Module<Tensor, Tensor> model, EvaluationInputs inputs)
    {
        model.eval();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        return new ScoredSplit(ToDoubles(inputs.Logits(model)));
    }

    /// <summary>The model's scores for inputs held as one tensor, in eval mode.</summary>
    public static ScoredSplit Score(nn.Module<Tensor, Tensor> model, Tensor x)
    {
        model.eval();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        return new ScoredSplit(ToDoubles(model.call(x)));
    }

    private static bool AllFinite(double[] values)
    {
        foreach (var v in values)
            if (!double.IsFinite(v)) return false;
        return true;
    }

    internal static double[] ToDoubles(Tensor t)
    {
        using var scope = NewDisposeScope();
        using var values = t.detach().cpu().to_type(ScalarType.Float64).contiguous().data<double>();
        return values.ToArray();
    }

    /// <summary>Copies a tensor's values, as doubles, into <paramref name="into"/> (exactly numel long).</summary>
    internal static void CopyDoubles(Tensor t, double[] into) => Array.Copy(ToDoubles(t), into, into.Length);
}
