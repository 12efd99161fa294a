using LossLab.Evaluation;
using LossLab.Evaluation.Results;
using TorchSharp;
using static TorchSharp.torch;

namespace LossLab.Engine.Training;

/// <summary>
/// The evaluation after every epoch: the loss's own mean and BCE on the validation rows (one number when the loss
/// is BCE) and the ROC-AUC of its scores. Logits and scores go into two arrays reused from epoch to epoch; after
/// the last epoch they hold the trained model's validation scores, since the model does not change after its
/// last step. The ROC-AUC re-sorts the rows from the previous epoch's order (<see cref="IncrementalRocAuc"/>),
/// which costs a fraction of a fresh sort and allocates nothing.
/// </summary>
/// <param name="switchModes">Whether to put the model in eval() for the pass (<see cref="TrainingModeLayers"/>); the
/// trainer puts it back in train() before the next epoch.</param>
internal sealed class ValidationPass(SeedData data, bool switchModes, bool averagePrecision = false)
{
    private readonly double[] _logits = new double[data.ValidationLabels.Length];
    private readonly double[] _scores = new double[data.ValidationLabels.Length];
    private readonly IncrementalRocAuc _rocAuc = new(data.ValidationLabels);
    private bool _done;

    public EpochRecord Run(nn.Module<Tensor, Tensor> model, CheckedLoss loss, int epoch, double trainLoss)
    {
        if (switchModes) model.eval();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var logits = data.ValidationInputs.Logits(model);
        var own = loss.Mean(logits, data.ValidationY, data.TrainCounts).item<float>();
        var bce = loss.Plugin.IsBinaryCrossEntropy ? own : nn.functional.binary_cross_entropy_with_logits(logits, data.ValidationY).item<float>();
        CopyLogits(logits);
        ScoredSplit.Sigmoids(_logits, _scores);
        _done = true;
        return new EpochRecord
        {
            Epoch = epoch, TrainLoss = trainLoss, ValidationLoss = own, ValidationBce = bce,
            ValidationRocAuc = _rocAuc.Compute(_scores),
            ValidationAp = averagePrecision ? RankingMetrics.AveragePrecision(data.ValidationLabels, _scores) : null,
        };
    }

    /// <summary>
    /// float32 on the CPU, the usual case, is read as it is and widened here (exact, so equal to a float64 copy made
    /// by torch): the torch conversion would cost four tensor operations a pass. ToArray, not CopyTo: TorchSharp
    /// 0.107's ToArray copies a contiguous tensor in one block, its CopyTo goes element by element.
    /// </summary>
    private void CopyLogits(Tensor logits)
    {
        if (logits.device_type != DeviceType.CPU || logits.dtype != ScalarType.Float32 || logits.numel() != _logits.Length)
        {
            Trainer.CopyDoubles(logits, _logits);
            return;
        }
        float[] singles;
        using (var values = logits.data<float>()) singles = values.ToArray();
        for (var i = 0; i < singles.Length; i++) _logits[i] = singles[i];
    }

    /// <summary>The logits and scores of the last pass; null before the first. No pass may follow.</summary>
    public ScoredSplit? Last => _done ? new ScoredSplit(_logits, _scores) : null;
}
