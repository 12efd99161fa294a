using LossLab.Abstractions;

namespace LossLab.Plugins.Datasets;

/// <summary>
/// Images in one subfolder per class (torchvision.datasets.ImageFolder layout, e.g. NORMAL/ and PNEUMONIA/): the
/// positive folder is label 1 and every other folder label 0. Each PNG or JPEG is decoded in parallel to RGB bytes
/// of size × size (<see cref="ImageDecoder"/>); the host makes them [channels, size, size] inputs batch by batch
/// (<see cref="PixelFormat"/>). Unreadable files are skipped with a warning and listed in the dataset's info.
/// </summary>
public sealed class ImageFolderDataset : DatasetPlugin
{
    private static readonly string[] Extensions = [".png", ".jpg", ".jpeg"];

    public override string Name => "image-folder";

    public override string Description => "PNG/JPEG images in one subfolder per class; one folder is positive, the rest negative.";

    [Option("Folder holding one subfolder per class, relative to the experiment file.", Required = true)]
    public string Path { get; set; } = "";

    [Option("Name of the subfolder whose images are positive.", Required = true)]
    public string PositiveClass { get; set; } = "";

    [Option("Side in pixels of the square every image becomes.", Min = 8)]
    public int Size { get; set; } = 64;

    [Option("center-crop: shorter side to size, then the centre square (torchvision Resize + CenterCrop); stretch: straight to size × size.", Choices = ["center-crop", "stretch"])]
    public string Resize { get; set; } = "center-crop";

    [Option("Input channels: 1 (grey, 0.2989 R + 0.587 G + 0.114 B) or 3 (RGB; grey images repeat into 3). Default 1, or as grayscale says.", Min = 1, Max = 3)]
    public int? Channels { get; set; }

    [Option("Older spelling of channels: true is channels 1, false channels 3.")]
    public bool? Grayscale { get; set; }

    [Option("none: [0, 1]; imagenet: torchvision's ImageNet mean and std; dataset: each channel's mean and std on the training split.", Choices = ["none", "imagenet", "dataset"])]
    public string Normalize { get; set; } = "none";

    private int InputChannels => Channels ?? (Grayscale == false ? 3 : 1);

    public override IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(Path)) yield return "path is required: the folder with one subfolder per class.";
        if (string.IsNullOrWhiteSpace(PositiveClass)) yield return "positive_class is required: the subfolder whose images are positive.";
        if (Channels is 2) yield return "channels must be 1 or 3.";
        if (Channels is { } c && Grayscale is { } g && (c == 1) != g) yield return $"grayscale {(g ? "true" : "false")} contradicts channels {c}; give channels only.";
        if (Normalize == "imagenet" && InputChannels != 3) yield return "normalize imagenet needs channels 3: ImageNet's mean and std are per RGB channel.";
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
        var decoder = new ImageDecoder(Size, stretch: Resize == "stretch");
        var decoded = new (byte[]? Rgb, string? Problem)[files.Length];
        Parallel.For(0, files.Length, new ParallelOptions { CancellationToken = context.Cancellation }, i => decoded[i] = decoder.Decode(files[i].file));

        var kept = Enumerable.Range(0, files.Length).Where(i => decoded[i].Rgb is not null).ToArray();
        var skipped = Enumerable.Range(0, files.Length).Except(kept)
            .Select(i => new SkippedInput(System.IO.Path.GetRelativePath(root, files[i].file), decoded[i].Problem!)).ToArray();
        foreach (var s in skipped) context.Warn($"Skipped image {System.IO.Path.Combine(root, s.Path)}: {s.Reason}");
        var labels = kept.Select(i => files[i].label).ToArray();

        if (labels.Length == 0) throw new PluginInputException($"{root}: no readable PNG or JPEG images in its class folders ({string.Join(", ", folders)}).");
        if (!labels.Contains(1)) throw new PluginInputException($"{root}: no readable images in the positive folder '{PositiveClass}'.");
        if (!labels.Contains(0)) throw new PluginInputException($"{root}: no readable images outside the positive folder '{PositiveClass}'; a second class folder is needed.");
        var others = folders.Where(f => f != PositiveClass).ToArray();
        var negativeName = others.Length == 1 ? others[0] : $"not {PositiveClass}";
        var normalization = Enum.Parse<PixelNormalization>(Normalize, ignoreCase: true);
        var info = new DatasetInfo([InputChannels, Size, Size], [], [negativeName, PositiveClass], root)
        {
            Pixels = new PixelFormat(3, normalization), SkippedInputs = skipped,
        };
        return Dataset.FromPixels([.. kept.Select(i => decoded[i].Rgb!)], labels, info) with
        {
            RowIds = [.. kept.Select(i => System.IO.Path.GetRelativePath(root, files[i].file).Replace('\\', '/'))],
        };
    }

    private static IEnumerable<string> ImagesIn(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Where(file =>
            !System.IO.Path.GetFileName(file).StartsWith('.')
            && Extensions.Contains(System.IO.Path.GetExtension(file), StringComparer.OrdinalIgnoreCase));
}
