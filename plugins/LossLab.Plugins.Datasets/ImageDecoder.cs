using SkiaSharp;

namespace LossLab.Plugins.Datasets;

/// <summary>
/// Decodes one PNG or JPEG into RGB bytes [3, size, size]. "center-crop" is torchvision's Resize(size) then
/// CenterCrop(size): the shorter side becomes size, the longer int(size × long / short), and the middle is cut out
/// with offsets round((side − size) / 2). "stretch" resizes straight to size × size, ignoring the aspect ratio.
/// Images smaller than size are resized up, as torchvision's Resize does. Grey images come out with R = G = B.
/// </summary>
internal sealed class ImageDecoder(int size, bool stretch)
{
    /// <summary>The image's bytes, or why it cannot be used.</summary>
    public (byte[]? Rgb, string? Problem) Decode(string file)
    {
        try
        {
            using var codec = SKCodec.Create(file);
            if (codec is null) return (null, "not a decodable PNG or JPEG");
            var (width, height) = (codec.Info.Width, codec.Info.Height);
            // JPEG decodes natively at 1/2, 1/4 or 1/8 scale; asking for one still at least size on both sides saves time.
            var scale = Math.Min(1f, Math.Max((float)size / width, (float)size / height));
            var dimensions = codec.GetScaledDimensions(scale);
            var info = new SKImageInfo(dimensions.Width, dimensions.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
            using var full = new SKBitmap(info);
            var result = codec.GetPixels(info, full.GetPixels());
            if (result != SKCodecResult.Success) return (null, $"decoding stopped: {result}");
            var (resizedWidth, resizedHeight) = stretch ? (size, size) : ShorterSideTo(width, height);
            using var resized = full.Resize(new SKImageInfo(resizedWidth, resizedHeight, SKColorType.Rgba8888, SKAlphaType.Premul),
                new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
            if (resized is null) return (null, "could not be resized");
            var top = (int)Math.Round((resizedHeight - size) / 2.0); // Python's round: halves to even, as Math.Round
            var left = (int)Math.Round((resizedWidth - size) / 2.0);
            return (Planes(resized, top, left), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"cannot be read: {e.Message}");
        }
    }

    /// <summary>torchvision's _compute_resized_output_size for an int size: the long side is truncated.</summary>
    private (int Width, int Height) ShorterSideTo(int width, int height) => width <= height
        ? (size, (int)((long)size * height / width))
        : ((int)((long)size * width / height), size);

    private byte[] Planes(SKBitmap image, int top, int left)
    {
        var pixels = image.GetPixelSpan();
        var plane = size * size;
        var rgb = new byte[3 * plane];
        for (var y = 0; y < size; y++)
        for (var x = 0; x < size; x++)
        {
            var at = (top + y) * image.RowBytes + 4 * (left + x);
            var index = y * size + x;
            (rgb[index], rgb[plane + index], rgb[2 * plane + index]) = (pixels[at], pixels[at + 1], pixels[at + 2]);
        }
        return rgb;
    }
}
