using LossLab.Evaluation.Experiments;
using LossLab.Evaluation.Results;
using TorchSharp;
using static TorchSharp.torch;

namespace LossLab.Engine.Training;

/// <summary>
/// Watches one validation metric epoch by epoch (<see cref="EarlyStoppingSettings.Monitor"/>, validation BCE without
/// early stopping): which epoch was best, whether training should stop (no improvement larger than min_delta for
/// patience epochs), and, with <see cref="EpochSelection.Best"/>, a copy of the best epoch's weights to restore before
/// scoring. Test rows are never looked at. The copy lives outside any dispose scope until <see cref="Dispose"/>.
/// </summary>
internal sealed class EpochMonitor(TrainingSettings training) : IDisposable
{
    private readonly MonitoredMetric _metric = training.EarlyStopping?.Monitor ?? MonitoredMetric.ValidationBce;
    private readonly double _minDelta = training.EarlyStopping?.MinDelta ?? 0;
    private readonly bool _keepBest = training.SelectEpoch == EpochSelection.Best;
    private Dictionary<string, Tensor>? _best;
    private double _bestValue = double.NaN;

    /// <summary>The best epoch so far (1-based); 0 before the first.</summary>
    public int BestEpoch { get; private set; }

    /// <summary>Whether <see cref="EpochSelection.Best"/> needs validation AP computed each epoch.</summary>
    public bool NeedsAveragePrecision => _metric == MonitoredMetric.ValidationAp;

    public static bool LowerIsBetter(MonitoredMetric metric) => metric == MonitoredMetric.ValidationBce;

    public static double ValueOf(EpochRecord record, MonitoredMetric metric) => metric switch
    {
        MonitoredMetric.ValidationBce => record.ValidationBce,
        MonitoredMetric.ValidationRocAuc => record.ValidationRocAuc,
        _ => record.ValidationAp ?? double.NaN,
    };

    /// <summary>Records an epoch; true when training should stop now (early stopping's patience ran out).</summary>
    public bool Observe(EpochRecord record, nn.Module model)
    {
        var value = ValueOf(record, _metric);
        var improved = double.IsFinite(value) && (BestEpoch == 0 || !double.IsFinite(_bestValue)
            || (LowerIsBetter(_metric) ? value < _bestValue - _minDelta : value > _bestValue + _minDelta));
        if (improved)
        {
            _bestValue = value;
            BestEpoch = record.Epoch;
            if (_keepBest) Snapshot(model);
        }
        return training.EarlyStopping is { } stopping && record.Epoch - BestEpoch >= stopping.Patience;
    }

    /// <summary>The epoch whose weights get scored: the best one with <see cref="EpochSelection.Best"/>, else <paramref name="lastEpoch"/>.</summary>
    public int Selected(int lastEpoch) => _keepBest && BestEpoch > 0 ? BestEpoch : lastEpoch;

    /// <summary>Puts the best epoch's weights back into <paramref name="model"/>; false when the last epoch's are already there.</summary>
    public bool RestoreBest(nn.Module model, int lastEpoch)
    {
        if (!_keepBest || _best is null || BestEpoch == lastEpoch) return false;
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        foreach (var (name, tensor) in model.state_dict())
            tensor.copy_(_best[name]);
        return true;
    }

    private void Snapshot(nn.Module model)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        if (_best is null)
        {
            _best = model.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().clone().DetachFromDisposeScope());
            return;
        }
        foreach (var (name, tensor) in model.state_dict())
            _best[name].copy_(tensor);
    }

    public void Dispose()
    {
        if (_best is null) return;
        foreach (var t in _best.Values) t.Dispose();
    }
}
