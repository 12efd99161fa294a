using LossLab.Abstractions;
using static TorchSharp.torch;

namespace LossLab.Engine.Training;

/// <summary>
/// Whether a run switches its model between train() and eval() around every validation pass. Each switch walks
/// the whole module tree, native module by native module, twice an epoch; a model whose plugin says the mode does
/// not matter is left in training mode, unless the tree holds one of TorchSharp's layers that behave differently
/// in evaluation (a plugin's wrong answer must not put dropout into validation scores).
/// </summary>
internal static class TrainingModeSwitch
{
    public static bool Needed(ModelPlugin plugin, nn.Module<Tensor, Tensor> model) =>
        plugin.TrainingModeMatters || model.modules().Any(IsModeDependentLayer);

    /// <summary>TorchSharp's dropout variants, batch and instance norm, and the layers with dropout inside (recurrent, attention, transformer).</summary>
    internal static bool IsModeDependentLayer(nn.Module module)
    {
        var type = module.GetType();
        if (type.Assembly != typeof(nn.Module).Assembly) return false;
        var name = type.Name;
        return name.Contains("Dropout", StringComparison.Ordinal)
            || name.StartsWith("BatchNorm", StringComparison.Ordinal)
            || name.StartsWith("InstanceNorm", StringComparison.Ordinal)
            || name.StartsWith("Transformer", StringComparison.Ordinal)
            || name is "RNN" or "LSTM" or "GRU" or "MultiheadAttention";
    }
}
