using LossLab.Abstractions;
using LossLab.Plugins.Models;
using Xunit;
using static TorchSharp.torch;

namespace LossLab.Plugins.Tests.Models;

/// <summary>The cnn's architecture against a hand count, and what batch norm does in each mode.</summary>
public sealed class CnnModelTests
{
    private static DatasetInfo Images(int channels, int size) => new([channels, size, size], [], ["n", "p"], "test");

    /// <summary>
    /// Hand count, 1×28×28, the defaults (channels [16, 32, 64], dense 64). conv1 3×3×1→16 without bias: 144; norm1
    /// γ, β: 2·16 = 32; conv2 3×3×16→32: 4608; norm2: 64; conv3 3×3×32→64: 18 432; norm3: 128; three 2×2 pools
    /// leave 64×3×3 = 576 (28 → 14 → 7 → 3), so dense 576·64 + 64 = 36 928; output 64 + 1 = 65. Total 60 401.
    /// Without batch norm the convolutions get their biases (16 + 32 + 64 = 112) and the norms' 224 go: 60 289.
    /// </summary>
    [Theory]
    [InlineData(true, 60_401L)]
    [InlineData(false, 60_289L)]
    public void Default_cnn_on_28_pixel_grey_images_has_the_hand_counted_parameters(bool batchNorm, long expected)
    {
        manual_seed(1);
        using var model = new CnnModel { BatchNorm = batchNorm }.Build(Images(1, 28));
        Assert.Equal(expected, model.parameters().Sum(p => p.numel()));
        string[] convs = batchNorm
            ? ["layers.conv1.weight", "layers.norm1.weight", "layers.norm1.bias", "layers.conv2.weight", "layers.norm2.weight", "layers.norm2.bias",
               "layers.conv3.weight", "layers.norm3.weight", "layers.norm3.bias"]
            : ["layers.conv1.weight", "layers.conv1.bias", "layers.conv2.weight", "layers.conv2.bias", "layers.conv3.weight", "layers.conv3.bias"];
        Assert.Equal([.. convs, "layers.dense.weight", "layers.dense.bias", "layers.output.weight", "layers.output.bias"],
            model.named_parameters().Select(p => p.name));
        Assert.Equal([64L, 576L], model.named_parameters().Single(p => p.name == "layers.dense.weight").parameter.shape);
    }

    [Fact]
    public void Layers_run_conv_norm_relu_pool_per_block_then_flatten_dense_relu_dropout_output()
    {
        manual_seed(1);
        using var model = new CnnModel { Channels = [4, 8, 8], Dense = 10, Dropout = 0.2 }.Build(Images(3, 24));
        var layers = model.named_children().Single().module.named_children();
        Assert.Equal(["conv1", "norm1", "relu1", "pool1", "conv2", "norm2", "relu2", "pool2", "conv3", "norm3", "relu3", "pool3",
            "flatten", "dense", "relu", "dropout", "output"], layers.Select(l => l.name));
        // 3×3×3→4 = 108, 8; 3×3×4→8 = 288, 16; 3×3×8→8 = 576, 16; map 8×3×3 (24 → 12 → 6 → 3) = 72: 72·10 + 10 = 730; 11.
        Assert.Equal(108 + 8 + 288 + 16 + 576 + 16 + 730 + 11, model.parameters().Sum(p => p.numel()));
    }

    [Fact]
    public void Odd_sides_are_floored_by_each_pool()
    {
        manual_seed(1);
        // 13 → 6 → 3 by 9 → 4 → 2: a 4×3×2 map feeds the dense layer.
        using var model = new CnnModel { Channels = [2, 4] }.Build(new DatasetInfo([1, 13, 9], [], ["n", "p"], "test"));
        Assert.Equal([64L, 24L], model.named_parameters().Single(p => p.name == "layers.dense.weight").parameter.shape);
        model.eval();
        using var scope = NewDisposeScope();
        Assert.Equal([3L], model.forward(rand(3, 1, 13, 9)).shape);
    }

    /// <summary>
    /// After some training steps (which move the running statistics away from 0 and 1), eval mode normalises with
    /// the running statistics: an image's logit is the same alone and in any batch. Train mode normalises with the
    /// batch's own statistics: the same image gets another logit when the rest of the batch changes.
    /// </summary>
    [Fact]
    public void Batch_norm_uses_running_statistics_in_eval_and_batch_statistics_in_train()
    {
        using var scope = NewDisposeScope();
        manual_seed(2);
        using var model = new CnnModel { Channels = [4, 8], Dense = 8 }.Build(Images(1, 12));
        var optimizer = optim.SGD(model.parameters(), 0.05);
        model.train();
        for (var step = 0; step < 5; step++)
        {
            using var stepScope = NewDisposeScope();
            optimizer.zero_grad();
            var x = rand(16, 1, 12, 12);
            nn.functional.binary_cross_entropy_with_logits(model.forward(x), (x.mean([1, 2, 3]) > 0.5).to_type(ScalarType.Float32)).backward();
            optimizer.step();
        }
        var running = model.named_buffers().Single(b => b.name == "layers.norm1.running_mean").buffer;
        Assert.True(running.abs().max().item<float>() > 1e-3, "training steps update the running mean");

        var image = rand(1, 1, 12, 12);
        var batchA = cat([image, rand(7, 1, 12, 12)]);
        var batchB = cat([image, rand(7, 1, 12, 12) * 3]);
        using var noGrad = no_grad();

        model.eval();
        var alone = model.forward(image).item<float>();
        Assert.Equal(alone, model.forward(batchA)[0].item<float>(), 5);
        Assert.Equal(alone, model.forward(batchB)[0].item<float>(), 5);

        model.train();
        var inA = model.forward(batchA)[0].item<float>();
        var inB = model.forward(batchB)[0].item<float>();
        Assert.True(Math.Abs(inA - inB) > 1e-3, $"train mode: {inA} in one batch, {inB} in another");
        Assert.True(Math.Abs(inA - alone) > 1e-3, $"train mode {inA} vs eval {alone}");
    }

    [Fact]
    public void The_host_switches_modes_for_batch_norm_or_dropout_and_trains_one_run_at_a_time_only_for_dropout()
    {
        static LossLab.Engine.Training.TrainingModeLayers Layers(CnnModel cnn)
        {
            using var model = cnn.Build(Images(1, 28));
            return LossLab.Engine.Training.TrainingModeLayers.Of(model);
        }
        Assert.Equal((true, false), (Layers(new CnnModel()).SwitchModes, Layers(new CnnModel()).DrawsRandomNumbers));
        var dropout = Layers(new CnnModel { BatchNorm = false, Dropout = 0.1 });
        Assert.Equal((true, true), (dropout.SwitchModes, dropout.DrawsRandomNumbers));
        var plain = Layers(new CnnModel { BatchNorm = false });
        Assert.Equal((false, false), (plain.SwitchModes, plain.DrawsRandomNumbers));
    }

    [Fact]
    public void Images_too_small_for_the_pools_are_refused_with_a_clear_message()
    {
        var error = Assert.Throws<PluginInputException>(() => new CnnModel { Channels = [4, 4, 4, 4] }.Build(Images(1, 8)));
        Assert.Contains("halves the image 4 times", error.Message);
        Assert.Contains("8×8", error.Message);
        manual_seed(1);
        using var justLargeEnough = new CnnModel { Channels = [4, 4, 4] }.Build(Images(1, 8));
    }
}
