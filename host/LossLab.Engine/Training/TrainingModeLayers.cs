using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LossLab.Engine.Training;

/// <summary>
/// The layers of a built model that compute differently in train() and eval() mode, and those among them that draw
/// from torch's global generator in training, read once from the module tree. The one rule for both decisions
/// that depend on them: a model with a mode-dependent layer is put in eval() for every validation pass and back
/// in train() for the next epoch (each switch walks the tree through native calls, so a model without one stays in
/// training mode); a model with a random layer trains its runs one at a time, because runs in parallel would
/// interleave their draws from the one generator and the masks would depend on thread timing.
/// It judges the layers, not the plugin's word or its option names, so any third-party model is covered as long as
/// its randomness and mode dependence live in TorchSharp layers; a module whose own forward calls
/// <c>nn.functional.dropout</c> or reads <c>training</c> is not visible in the tree.
/// A normalisation layer whose parameters are all frozen (requires_grad = false, as a plugin's frozen backbone) is
/// frozen as a whole: it stays in eval() mode, normalising with its running statistics and never updating them,
/// as in fine-tuning with PyTorch (a frozen backbone's batch norm in train() would still move its statistics).
/// Such a layer computes the same in both modes, so it does not count as mode-dependent.
/// </summary>
/// <param name="Frozen">Paths of the frozen normalisation layers, kept in eval() by <see cref="Train"/>.</param>
public sealed record TrainingModeLayers(IReadOnlyList<string> ModeDependent, IReadOnlyList<string> Random, IReadOnlyList<string> Frozen)
{
    private IReadOnlyList<nn.Module> _frozenModules = [];

    /// <summary>Puts the model in train() mode, except its frozen normalisation layers, which stay in eval().</summary>
    public void Train(nn.Module model)
    {
        model.train();
        foreach (var layer in _frozenModules) layer.eval();
    }

    /// <summary>Whether validation passes need eval() mode.</summary>
    public bool SwitchModes => ModeDependent.Count > 0;

    /// <summary>Whether training draws from torch's global generator, so runs must not go in parallel.</summary>
    public bool DrawsRandomNumbers => Random.Count > 0;

    /// <summary>Random in training mode, and so also mode-dependent: dropout zeroes a random mask (identity in
    /// eval); the recurrent and attention layers and transformers apply dropout inside. (TorchSharp 0.107's RReLU
    /// draws nothing in either mode, unlike PyTorch's: the tests check each kind against what the layer does.)</summary>
    private static readonly Type[] RandomTypes =
    [
        typeof(Dropout), typeof(Dropout1d), typeof(Dropout2d), typeof(Dropout3d), typeof(AlphaDropout), typeof(FeatureAlphaDropout),
        typeof(RNN), typeof(LSTM), typeof(GRU), typeof(MultiheadAttention),
        typeof(Transformer), typeof(TransformerEncoder), typeof(TransformerEncoderLayer), typeof(TransformerDecoder), typeof(TransformerDecoderLayer),
    ];

    /// <summary>Deterministic but mode-dependent: batch statistics in training, running statistics in eval. Instance
    /// norm differs only with track_running_stats; counting it always costs at most the switching.</summary>
    private static readonly Type[] StatisticsTypes =
    [
        typeof(BatchNorm1d), typeof(BatchNorm2d), typeof(BatchNorm3d), typeof(InstanceNorm1d), typeof(InstanceNorm2d), typeof(InstanceNorm3d),
    ];

    /// <summary>Walks the module tree once (the model itself included) and names its layers by their path in it.</summary>
    public static TrainingModeLayers Of(nn.Module model)
    {
        List<string> modeDependent = [], random = [], frozen = [];
        List<nn.Module> frozenModules = [];
        var seen = new HashSet<nn.Module>(ReferenceEqualityComparer.Instance);
        foreach (var (name, module) in model.named_modules().Prepend(("", model)))
        {
            if (!seen.Add(module)) continue;
            var kind = Classify(module);
            var path = name.Length == 0 ? module.GetName() : name;
            if (kind == LayerKind.Statistics && IsFrozen(module))
            {
                frozen.Add(path);
                frozenModules.Add(module);
                continue;
            }
            if (kind != LayerKind.ModeFree) modeDependent.Add(path);
            if (kind == LayerKind.Random) random.Add(path);
        }
        return new TrainingModeLayers(modeDependent, random, frozen) { _frozenModules = frozenModules };
    }

    /// <summary>Has parameters of its own (an affine norm), none of which trains.</summary>
    private static bool IsFrozen(nn.Module module)
    {
        var parameters = module.parameters(recurse: false).ToList();
        return parameters.Count > 0 && parameters.All(p => !p.requires_grad);
    }

    internal enum LayerKind { ModeFree, Statistics, Random }

    internal static LayerKind Classify(nn.Module module) => Classify(module.GetType());

    internal static LayerKind Classify(Type type)
    {
        if (RandomTypes.Any(type.IsAssignableTo)) return LayerKind.Random;
        if (StatisticsTypes.Any(type.IsAssignableTo)) return LayerKind.Statistics;
        return LayerKind.ModeFree;
    }
}
