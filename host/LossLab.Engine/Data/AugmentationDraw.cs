namespace LossLab.Engine.Data;

/// <summary>One image's augmentation: the crop box (top, left, height, width) in pixels and whether to mirror it.</summary>
public readonly record struct AugmentationDraw(int Top, int Left, int Height, int Width, bool Flip)
{
    /// <summary>
    /// torchvision's RandomResizedCrop.get_params with its defaults, scale (0.08, 1) and ratio (3/4, 4/3), then
    /// RandomHorizontalFlip's p = 0.5, for a height × width image: up to 10 tries of an area fraction uniform in
    /// scale and a log aspect ratio uniform in log(ratio), w = round(√(area·r)), h = round(√(area / r)) (Python's
    /// round, halves to even, as Math.Round), kept when it fits, at a top-left uniform over the positions that fit;
    /// otherwise the centre crop of the image clamped to the ratio range.
    /// </summary>
    public static AugmentationDraw Draw(SplitMix64 random, int height, int width)
    {
        const double minScale = 0.08, maxScale = 1.0, minRatio = 3.0 / 4, maxRatio = 4.0 / 3;
        var area = (double)height * width;
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var targetArea = area * random.NextUniform(minScale, maxScale);
            var aspect = Math.Exp(random.NextUniform(Math.Log(minRatio), Math.Log(maxRatio)));
            var w = (int)Math.Round(Math.Sqrt(targetArea * aspect));
            var h = (int)Math.Round(Math.Sqrt(targetArea / aspect));
            if (w > 0 && w <= width && h > 0 && h <= height)
            {
                var top = random.NextInt(height - h + 1);
                var left = random.NextInt(width - w + 1);
                return new AugmentationDraw(top, left, h, w, random.NextDouble() < 0.5);
            }
        }
        var inRatio = (double)width / height;
        var (fh, fw) = inRatio < minRatio ? ((int)Math.Round(width / minRatio), width)
            : inRatio > maxRatio ? (height, (int)Math.Round(height * maxRatio))
            : (height, width);
        return new AugmentationDraw((height - fh) / 2, (width - fw) / 2, fh, fw, random.NextDouble() < 0.5);
    }

    /// <summary>The draws of one batch: a generator seeded by (seed, epoch, batch) alone, so every loss and every worker of a seed draws the same.</summary>
    public static AugmentationDraw[] ForBatch(int seed, int epoch, int batch, int count, int height, int width)
    {
        var random = SplitMix64.For(seed, $"augment/{epoch}/{batch}");
        var draws = new AugmentationDraw[count];
        for (var k = 0; k < count; k++) draws[k] = Draw(random, height, width);
        return draws;
    }
}
