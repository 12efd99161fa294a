using System.Collections.Concurrent;
using LossLab.Abstractions;
using LossLab.Engine.Training;
using LossLab.Tests.Support;
using TorchSharp;
using static TorchSharp.torch;

namespace LossLab.Tests.Engine;

public sealed class TrainingModeLayersTests
{
    /// <summary>
    /// A third-party model whose dropout option is called <c>p</c>, not <c>dropout</c>: Linear → ReLU → dropout (only
    /// when p &gt; 0, as the standard mlp) → Linear. Its network records the mode and grad state of every forward.
    /// </summary>
    public sealed class PDropoutModel : ModelPlugin
    {
        public static readonly ConcurrentQueue<(bool Training, bool Grad, long Rows)> Forwards = new();

        public override string Name => "p-dropout";
        public override string Description => "dropout probability in an option called p (test only)";

        [Option("Dropout probability.", Min = 0, Max = 1, MaxExclusive = true)]
        public double P { get; set; }

        public override nn.Module<Tensor, Tensor> Build(DatasetInfo data) => new RecordingNetwork(data.RowLength, P);
    }

    private sealed class RecordingNetwork : nn.Module<Tensor, Tensor>
    {
        private readonly nn.Module<Tensor, Tensor> layers;

        public RecordingNetwork(long inputs, double p) : base("recording")
        {
            var list = new List<(string, nn.Module<Tensor, Tensor>)> { ("hidden", nn.Linear(inputs, 8)), ("relu", nn.ReLU()) };
            if (p > 0) list.Add(("drop", nn.Dropout(p)));
            list.Add(("output", nn.Linear(8, 1)));
            layers = nn.Sequential(list);
            RegisterComponents();
        }

        public override Tensor forward(Tensor input)
        {
            PDropoutModel.Forwards.Enqueue((training, is_grad_enabled(), input.shape[0]));
            using var logits = layers.forward(input);
            return logits.squeeze(-1);
        }
    }

    private static (RecordingProgress Progress, List<(bool Training, bool Grad, long Rows)> Forwards) RunPDropout(double p, int parallel)
    {
        using var temp = new TempFolder();
        var json = SmallExperiment.Json("bce");
        json["model"] = new System.Text.Json.Nodes.JsonObject { ["plugin"] = "p-dropout", ["options"] = new System.Text.Json.Nodes.JsonObject { ["p"] = p } };
        var progress = new RecordingProgress();
        PDropoutModel.Forwards.Clear();
        var results = SmallExperiment.Run(SmallExperiment.Resolve(json, StandardPlugins.With(typeof(PDropoutModel))), temp.Path, parallel, progress: progress);
        Assert.All(results.Runs, r => Assert.Equal(LossLab.Evaluation.Results.RunStatus.Completed, r.Status));
        return (progress, [.. PDropoutModel.Forwards]);
    }

    /// <summary>The small experiment's runs (one loss, two seeds) times its epochs: one validation pass each.</summary>
    private const int ValidationPasses = 2 * 6;

    [Fact]
    public void A_third_party_dropout_option_called_p_makes_runs_sequential_and_validation_run_in_eval_mode()
    {
        var (progress, forwards) = RunPDropout(0.3, parallel: 2);
        Assert.Contains(progress.Messages, m => m.Contains("layers.drop") && m.Contains("one at a time"));
        Assert.All(forwards.Where(f => f.Grad), f => Assert.True(f.Training));
        // Validation passes, test scores and the decision-boundary grid run without grad, all in eval mode.
        var scoring = forwards.Where(f => !f.Grad).ToList();
        Assert.True(scoring.Count > ValidationPasses);
        Assert.All(scoring, f => Assert.False(f.Training));
    }

    [Fact]
    public void A_model_without_mode_dependent_layers_is_not_switched_and_runs_in_parallel()
    {
        var (progress, forwards) = RunPDropout(0, parallel: 2);
        Assert.DoesNotContain(progress.Messages, m => m.Contains("one at a time"));
        // The validation passes stay in training mode; only the final scoring (Trainer.Score) calls eval().
        Assert.Equal(ValidationPasses, forwards.Count(f => !f.Grad && f.Training));
    }

    [Fact]
    public void The_tree_is_read_with_the_paths_of_its_layers()
    {
        using var scope = NewDisposeScope();
        using var dropout = nn.Sequential(("linear", nn.Linear(3, 4)), ("inner", nn.Sequential(("drop", nn.Dropout(0.5)))), ("out", nn.Linear(4, 1)));
        var layers = TrainingModeLayers.Of(dropout);
        Assert.Equal(["inner.drop"], layers.ModeDependent);
        Assert.Equal(["inner.drop"], layers.Random);

        using var norm = nn.Sequential(("linear", nn.Linear(3, 4)), ("norm", nn.BatchNorm1d(4)), ("out", nn.Linear(4, 1)));
        Assert.True(TrainingModeLayers.Of(norm).SwitchModes);
        Assert.False(TrainingModeLayers.Of(norm).DrawsRandomNumbers);

        using var plain = nn.Sequential(("linear", nn.Linear(3, 4)), ("relu", nn.ReLU()), ("norm", nn.LayerNorm(4)), ("out", nn.Linear(4, 1)));
        Assert.False(TrainingModeLayers.Of(plain).SwitchModes);
        Assert.False(TrainingModeLayers.Of(plain).DrawsRandomNumbers);

        using var alone = nn.Dropout(0.1);
        Assert.True(TrainingModeLayers.Of(alone).DrawsRandomNumbers);
    }

    public static TheoryData<string> Layers => ["dropout", "alpha_dropout", "feature_alpha_dropout", "rrelu", "batch_norm", "instance_norm", "linear", "relu", "layer_norm", "conv"];

    private static nn.Module<Tensor, Tensor> Layer(string id) => id switch
    {
        "dropout" => nn.Dropout(0.3),
        "alpha_dropout" => nn.AlphaDropout(0.3),
        "feature_alpha_dropout" => nn.FeatureAlphaDropout(0.3),
        "rrelu" => nn.RReLU(),
        "batch_norm" => nn.BatchNorm1d(6),
        "instance_norm" => nn.InstanceNorm1d(6, track_running_stats: true),
        "linear" => nn.Linear(5, 5),
        "relu" => nn.ReLU(),
        "layer_norm" => nn.LayerNorm(5),
        "conv" => nn.Conv1d(6, 2, 3),
        _ => throw new ArgumentException(id),
    };

    /// <summary>
    /// The classification against what each layer does: train() and eval() outputs differ exactly for a
    /// mode-dependent layer, and two train() passes under different seeds differ exactly for a random one.
    /// </summary>
    [Theory]
    [MemberData(nameof(Layers))]
    public void Layers_are_classified_by_what_they_do_in_training(string id)
    {
        using var scope = NewDisposeScope();
        using var layer = Layer(id);
        manual_seed(11);
        var x = randn(8, 6, 5);
        using var noGrad = no_grad();
        layer.train();
        manual_seed(1);
        var first = layer.call(x);
        manual_seed(2);
        var second = layer.call(x);
        layer.eval();
        var evaluation = layer.call(x);

        var layers = TrainingModeLayers.Of(layer);
        Assert.Equal(!first.allclose(evaluation, rtol: 0, atol: 0), layers.SwitchModes);
        Assert.Equal(!first.allclose(second, rtol: 0, atol: 0), layers.DrawsRandomNumbers);
    }

    /// <summary>A TorchSharp upgrade that adds a dropout or normalisation variant must not slip past the rule.</summary>
    [Fact]
    public void Every_TorchSharp_dropout_and_running_statistics_layer_is_classified()
    {
        var layerTypes = typeof(nn.Module).Assembly.GetTypes()
            .Where(t => t.IsPublic && !t.IsAbstract && t.IsAssignableTo(typeof(nn.Module))).ToList();
        var dropouts = layerTypes.Where(t => t.Name.Contains("Dropout", StringComparison.Ordinal)).ToList();
        var norms = layerTypes.Where(t => t.Name.StartsWith("BatchNorm", StringComparison.Ordinal) || t.Name.StartsWith("InstanceNorm", StringComparison.Ordinal)).ToList();
        Assert.True(dropouts.Count >= 6 && norms.Count >= 6, string.Join(", ", dropouts.Concat(norms)));
        Assert.All(dropouts, t => Assert.Equal(TrainingModeLayers.LayerKind.Random, TrainingModeLayers.Classify(t)));
        Assert.All(norms, t => Assert.Equal(TrainingModeLayers.LayerKind.Statistics, TrainingModeLayers.Classify(t)));
    }
}
