using LossLab.Engine.Data;
using static TorchSharp.torch;

namespace LossLab.Tests.Data;

public sealed class ImageAugmentationTests
{
    /// <summary>
    /// The 2 × 2 top-left crop of a 4 × 4 image holding 0..15 row by row, resized back to 4 × 4 bilinearly with
    /// align_corners = false (torchvision's resized_crop): output pixel i samples source (i + 0.5) · 2/4 − 0.5 =
    /// −0.25, 0.25, 0.75, 1.25, clamped to [0, 1] as PyTorch's upsample_bilinear2d clamps at the edges, so rows
    /// and columns mix [0, 1] / [4, 5] with weights 0, ¼, ¾, 1. Computed by hand.
    /// </summary>
    private static readonly float[] CropResized =
    [
        0, 0.25f, 0.75f, 1,
        1, 1.25f, 1.75f, 2,
        3, 3.25f, 3.75f, 4,
        4, 4.25f, 4.75f, 5,
    ];

    private static float[] Augmented(AugmentationDraw draw)
    {
        using var scope = NewDisposeScope();
        var image = arange(16, ScalarType.Float32).reshape(1, 1, 4, 4);
        return ImageAugmentation.Apply(image, [draw]).data<float>().ToArray();
    }

    [Fact]
    public void A_crop_is_resized_back_bilinearly_as_torchvisions_resized_crop() =>
        Assert.Equal(CropResized, Augmented(new AugmentationDraw(0, 0, 2, 2, false)));

    [Fact]
    public void A_flip_reverses_each_row()
    {
        var expected = Enumerable.Range(0, 4).SelectMany(row => CropResized.Skip(4 * row).Take(4).Reverse()).ToArray();
        Assert.Equal(expected, Augmented(new AugmentationDraw(0, 0, 2, 2, true)));
        Assert.Equal([3f, 2, 1, 0, 7, 6, 5, 4, 11, 10, 9, 8, 15, 14, 13, 12], Augmented(new AugmentationDraw(0, 0, 4, 4, true)));
    }

    [Fact]
    public void The_whole_image_unflipped_is_left_as_it_is() =>
        Assert.Equal(Enumerable.Range(0, 16).Select(i => (float)i), Augmented(new AugmentationDraw(0, 0, 4, 4, false)));

    [Fact]
    public void Draws_follow_torchvisions_random_resized_crop_parameters_and_flip_half_the_time()
    {
        var draws = Enumerable.Range(0, 200).SelectMany(batch => AugmentationDraw.ForBatch(7, 0, batch, 50, 64, 64)).ToArray();
        var flips = draws.Count(d => d.Flip) / (double)draws.Length;
        Assert.InRange(flips, 0.47, 0.53); // 10,000 draws: sd of the share 0.005
        foreach (var d in draws)
        {
            Assert.InRange(d.Top, 0, 64 - d.Height);
            Assert.InRange(d.Left, 0, 64 - d.Width);
            // w = round(√(A·r)), h = round(√(A / r)): area within scale (0.08, 1) and w/h within ratio (3/4, 4/3), up to the rounding.
            Assert.InRange(d.Width * d.Height / 4096.0, 0.08 * 0.9, 1.0);
            Assert.InRange(d.Width / (double)d.Height, 0.75 * 0.93, 4 / 3.0 * 1.08);
        }
        // Area fractions are uniform on (0.08, 1) among accepted tries: their mean is near 0.54 less the rejected large boxes.
        Assert.InRange(draws.Average(d => d.Width * d.Height / 4096.0), 0.45, 0.56);
    }

    [Fact]
    public void A_batch_draws_from_its_seed_epoch_and_batch_alone()
    {
        var a = AugmentationDraw.ForBatch(3, 2, 5, 8, 32, 32);
        Assert.Equal(a, AugmentationDraw.ForBatch(3, 2, 5, 8, 32, 32));
        Assert.NotEqual(a, AugmentationDraw.ForBatch(3, 3, 5, 8, 32, 32));
        Assert.NotEqual(a, AugmentationDraw.ForBatch(3, 2, 6, 8, 32, 32));
        Assert.NotEqual(a, AugmentationDraw.ForBatch(4, 2, 5, 8, 32, 32));
    }

    [Fact]
    public void A_draw_that_never_fits_falls_back_to_the_centre_clamped_to_the_ratio_range()
    {
        // 1 × 1000: every try asks for an area of at least 0.08 · 1000 = 80 at w/h ≤ 4/3, so h ≥ 7 and none fits.
        // torchvision's fallback: in_ratio 1000 > 4/3, so h = 1, w = round(1 · 4/3) = 1, left (1000 − 1) // 2 = 499.
        for (ulong seed = 0; seed < 20; seed++)
        {
            var d = AugmentationDraw.Draw(new SplitMix64(seed), 1, 1000);
            Assert.Equal((0, 499, 1, 1), (d.Top, d.Left, d.Height, d.Width));
        }
    }
}
