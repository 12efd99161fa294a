using LossLab.Abstractions;
using LossLab.Engine.Data;

namespace LossLab.Tests.Data;

public sealed class PixelInputsTests
{
    private static Dataset Images(int channels, PixelNormalization normalization, params byte[][] rgb) =>
        Dataset.FromPixels(rgb, [.. rgb.Select((_, i) => i % 2)], new DatasetInfo([channels, 1, 2], [], ["n", "p"], "test") { Pixels = new PixelFormat(3, normalization) });

    [Fact]
    public void Every_byte_becomes_the_float_the_image_plugin_made_before_images_were_kept_as_bytes()
    {
        // The plugin's former arithmetic, float32 throughout: r = byte / 255f, grey = min(1, 0.2989 r + 0.587 g + 0.114 b).
        var random = new Random(5);
        for (var v = 0; v < 256; v++)
        {
            byte r = (byte)v, g = (byte)random.Next(256), b = (byte)random.Next(256);
            var data = Images(1, PixelNormalization.None, [r, r, g, g, b, b]);
            float fr = r / 255f, fg = g / 255f, fb = b / 255f;
            Assert.Equal(Math.Min(1f, 0.2989f * fr + 0.587f * fg + 0.114f * fb), PixelInputs.Scaled(data).Rows([0])[0]);
            var rgb = Images(3, PixelNormalization.None, [r, r, g, g, b, b]);
            Assert.Equal([fr, fr, fg, fg, fb, fb], PixelInputs.Scaled(rgb).Rows([0]));
        }
    }

    [Fact]
    public void White_stays_at_one_in_grey_though_the_weights_sum_to_0_9999() =>
        Assert.Equal(0.9999f, PixelInputs.Scaled(Images(1, PixelNormalization.None, [255, 255, 255, 255, 255, 255])).Rows([0])[0], 4);

    [Fact]
    public void Rows_come_in_the_order_asked()
    {
        var data = Images(3, PixelNormalization.None, [0, 0, 0, 0, 0, 0], [255, 255, 255, 255, 255, 255]);
        Assert.Equal([1f, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0], PixelInputs.Scaled(data).Rows([1, 0]));
    }

    [Fact]
    public void A_tensor_of_rows_holds_the_same_values_written_into_torchs_memory()
    {
        var random = new Random(3);
        var rows = Enumerable.Range(0, 40).Select(_ => Enumerable.Range(0, 6).Select(_ => (byte)random.Next(256)).ToArray()).ToArray();
        var data = Images(3, PixelNormalization.ImageNet, rows);
        var inputs = new PixelInputs(data, [0, 1]);
        using var scope = TorchSharp.torch.NewDisposeScope();
        int[] order = [39, 0, 7, 7, 21];
        var tensor = inputs.ToTensor(order, [3, 1, 2]);
        Assert.Equal([5L, 3, 1, 2], tensor.shape);
        Assert.Equal(inputs.Rows(order), tensor.data<float>().ToArray());
    }
}
