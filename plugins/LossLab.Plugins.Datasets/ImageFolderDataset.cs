using LossLab.Abstractions;
using SkiaSharp;

namespace LossLab.Plugins.Datasets;

/// <summary>
/// Images in one subfolder per class (torchvision.datasets.ImageFolder layout, e.g. NORMAL/ and PNEUMONIA/): the
/// positive folder is label 1 and every other folder label 0. Each PNG or JPEG is stretched to size × size and
/// scaled to [0, 1] as [C, size, size], grey as in torchvision's rgb_to_grayscale (0.2989 R + 0.587 G + 0.114 B).
/// </summary>
public sealed class ImageFolderDataset : DatasetPlugin
{
    private static readonly string[] Extensions = [".png", ".jpg", ".jpeg"];

    public override string Name => "image-folder";

    public override string Description => "PNG/JPEG images in one subfolder per class; one folder is positive, the rest negative.";

    [Option("Folder holding one subfolder per class, relative to the experiment file (required).")]
    public string Path { get; set; } = "";

    [Option("Name of the subfolder whose images are positive (required).")]
    public string PositiveClass { get; set; } = "";

    [Option("Side in pixels that every image is resized to.", Min = 8)]
    public int Size { get; set; } = 64;

    [Option("Convert to one grey channel; false keeps three RGB channels.")]
    public bool Grayscale { get; set; } = true;

    private int Channels => Grayscale ? 1 : 3;

    public override IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(Path)) yield return "path is required: the folder with one subfolder per class.";
        if (string.IsNullOrWhiteSpace(PositiveClass)) yield return "positive_class is required: the subfolder whose images are positive.";
    }

    public override Dataset Load(DatasetContext context)
    {
        var root = context.ResolvePath(Path);
        if (!Directory.Exists(root)) throw new PluginInputException($"Image folder not found: {root}");
        var folders = Directory.GetDirectories(root).Select(System.IO.Path.GetFileName).OfType<string>()
            .Where(name => !name.StartsWith('.')).Order(StringComparer.Ordinal).ToArray();
        if (!folders.Contains(PositiveClass, StringComparer.Ordinal))
            throw new PluginInputException(folders.Length == 0
                ? $"{root} has no class subfolders."
                : $"{root} has no subfolder '{PositiveClass}'; class folders found: {string.Join(", ", folders)}.");

        var files = folders.SelectMany(folder => ImagesIn(System.IO.Path.Combine(root, folder)).Select(file => (file, label: folder == PositiveClass ? 1 : 0)))
            .OrderBy(f => f.file, StringComparer.Ordinal).ToArray();
        var decoded = new float[]?[files.Length];
        Parallel.For(0, files.Length, new ParallelOptions { CancellationToken = context.Cancellation }, i => decoded[i] = Decode(files[i].file));

        var rowLength = Channels * Size * Size;
        var kept = Enumerable.Range(0, files.Length).Where(i => decoded[i] is not null).ToArray();
        foreach (var i in Enumerable.Range(0, files.Length).Except(kept)) context.Warn($"Skipped unreadable image {files[i].file}");
        var features = new float[kept.Length * rowLength];
        for (var row = 0; row < kept.Length; row++) decoded[kept[row]]!.CopyTo(features, row * rowLength);
        var labels = kept.Select(i => files[i].label).ToArray();

        if (labels.Length == 0) throw new PluginInputException($"{root}: no readable PNG or JPEG images in its class folders ({string.Join(", ", folders)}).");
        if (!labels.Contains(1)) throw new PluginInputException($"{root}: no readable images in the positive folder '{PositiveClass}'.");
        if (!labels.Contains(0)) throw new PluginInputException($"{root}: no readable images outside the positive folder '{PositiveClass}'; a second class folder is needed.");
        var others = folders.Where(f => f != PositiveClass).ToArray();
        var negativeName = others.Length == 1 ? others[0] : $"not {PositiveClass}";
        return new Dataset(features, labels, new DatasetInfo([Channels, Size, Size], [], [negativeName, PositiveClass], root))
        {
            RowIds = [.. kept.Select(i => System.IO.Path.GetRelativePath(root, files[i].file).Replace('\\', '/'))],
        };
    }

    private static IEnumerable<string> ImagesIn(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Where(file =>
            !System.IO.Path.GetFileName(file).StartsWith('.')
            && Extensions.Contains(System.IO.Path.GetExtension(file), StringComparer.OrdinalIgnoreCase));

    /// <summary>The image as [C, Size, Size] in [0, 1], or null when it cannot be decoded completely.</summary>
    private float[]? Decode(string file)
    {
        using var codec = SKCodec.Create(file);
        if (codec is null) return null;
        // JPEG decodes natively at 1/2, 1/4 or 1/8 scale; asking for one still at least Size on both sides saves time.
        var scale = Math.Min(1f, Math.Max((float)Size / codec.Info.Width, (float)Size / codec.Info.Height));
        var dimensions = codec.GetScaledDimensions(scale);
        var info = new SKImageInfo(dimensions.Width, dimensions.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var full = new SKBitmap(info);
        if (codec.GetPixels(info, full.GetPixels()) != SKCodecResult.Success) return null;
        using var small = full.Resize(new SKImageInfo(Size, Size, SKColorType.Rgba8888, SKAlphaType.Premul), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        if (small is null) return null;

        var pixels = small.GetPixelSpan();
        var plane = Size * Size;
        var values = new float[Channels * plane];
        for (var y = 0; y < Size; y++)
        for (var x = 0; x < Size; x++)
        {
            var at = y * small.RowBytes + 4 * x;
            float r = pixels[at] / 255f, g = pixels[at + 1] / 255f, b = pixels[at + 2] / 255f;
            var index = y * Size + x;
            if (Grayscale) values[index] = Math.Min(1f, 0.2989f * r + 0.587f * g + 0.114f * b);
            else (values[index], values[plane + index], values[2 * plane + index]) = (r, g, b);
        }
        return values;
    }
}
