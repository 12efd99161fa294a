using LossLab.Abstractions;
using LossLab.Plugins.Datasets;
using SkiaSharp;
using Xunit;

namespace LossLab.Plugins.Tests.Datasets;

public sealed class ImageFolderDatasetTests : IDisposable
{
    private static readonly SKColor Rust = new(200, 100, 50);
    private static readonly SKColor Sky = new(40, 160, 240);
    private readonly DatasetFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private void Image(string relative, SKColor color, SKEncodedImageFormat format, int width = 40, int height = 30)
    {
        var file = System.IO.Path.Combine(_folder.Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(color);
        using var image = SKImage.FromBitmap(bitmap);
        using var encoded = image.Encode(format, 95);
        File.WriteAllBytes(file, encoded.ToArray());
    }

    /// <summary>NORMAL: two PNGs and a corrupt file; PNEUMONIA: two JPEGs of different sizes.</summary>
    private void TwoClasses()
    {
        Image("xray/NORMAL/a.png", Rust, SKEncodedImageFormat.Png);
        Image("xray/NORMAL/b.PNG", Rust, SKEncodedImageFormat.Png, 9, 12);
        _folder.File("xray/NORMAL/broken.png", "this is not a picture");
        _folder.File("xray/NORMAL/notes.txt", "ignored");
        Image("xray/PNEUMONIA/c.jpeg", Sky, SKEncodedImageFormat.Jpeg, 300, 200);
        Image("xray/PNEUMONIA/d.jpg", Sky, SKEncodedImageFormat.Jpeg);
    }

    private Dataset Load(bool grayscale = true, string positive = "PNEUMONIA")
    {
        var plugin = new ImageFolderDataset { Path = "xray", PositiveClass = positive, Size = 16, Grayscale = grayscale };
        Assert.Empty(plugin.Validate());
        return plugin.Load(_folder.Context());
    }

    [Fact]
    public void Grayscale_png_and_jpeg_images_become_1_by_size_by_size_in_0_1()
    {
        TwoClasses();
        var data = Load();
        Assert.Equal([1, 16, 16], data.Info.InputShape);
        Assert.Equal([0, 0, 1, 1], data.Labels);
        Assert.Equal(4 * 256, data.Features.Length);
        Assert.All(data.Features, v => Assert.InRange(v, 0f, 1f));
        Assert.Equal(["NORMAL", "PNEUMONIA"], data.Info.ClassNames);
        Assert.Empty(data.Info.FeatureNames);
        // torchvision rgb_to_grayscale: 0.2989 R + 0.587 G + 0.114 B; solid images stay solid when resized.
        var rust = (0.2989 * 200 + 0.587 * 100 + 0.114 * 50) / 255;
        var sky = (0.2989 * 40 + 0.587 * 160 + 0.114 * 240) / 255;
        Assert.All(data.Features.Take(512), v => Assert.Equal(rust, v, 0.005));
        Assert.All(data.Features.Skip(512), v => Assert.Equal(sky, v, 0.03)); // JPEG
    }

    [Fact]
    public void Rgb_keeps_three_channel_planes()
    {
        TwoClasses();
        var data = Load(grayscale: false);
        Assert.Equal([3, 16, 16], data.Info.InputShape);
        Assert.Equal(4 * 3 * 256, data.Features.Length);
        Assert.Equal(200 / 255.0, data.Features[0], 0.005);
        Assert.Equal(100 / 255.0, data.Features[256], 0.005);
        Assert.Equal(50 / 255.0, data.Features[512 + 255], 0.005);
        Assert.All(data.Features, v => Assert.InRange(v, 0f, 1f));
    }

    [Fact]
    public void An_unreadable_image_is_skipped_with_a_warning_naming_it()
    {
        TwoClasses();
        Load();
        var warning = Assert.Single(_folder.Warnings);
        Assert.Contains(System.IO.Path.Combine(_folder.Path, "xray", "NORMAL", "broken.png"), warning);
    }

    [Fact]
    public void Loading_twice_gives_the_same_arrays()
    {
        TwoClasses();
        Dataset a = Load(), b = Load();
        Assert.Equal(a.Features, b.Features);
        Assert.Equal(a.Labels, b.Labels);
    }

    [Fact]
    public void With_three_class_folders_the_positive_one_stands_against_the_rest()
    {
        TwoClasses();
        Image("xray/COVID/e.png", Sky, SKEncodedImageFormat.Png);
        var data = Load(positive: "NORMAL");
        Assert.Equal([0, 1, 1, 0, 0], data.Labels); // COVID/e, NORMAL/a, NORMAL/b, PNEUMONIA/c, PNEUMONIA/d
        Assert.Equal(["not NORMAL", "NORMAL"], data.Info.ClassNames);
    }

    [Fact]
    public void An_unknown_positive_class_lists_the_folders_found()
    {
        TwoClasses();
        var e = Assert.Throws<PluginInputException>(() => Load(positive: "pneumonia"));
        Assert.Contains("NORMAL, PNEUMONIA", e.Message);
    }

    [Fact]
    public void A_folder_without_class_folders_or_images_is_rejected()
    {
        Directory.CreateDirectory(System.IO.Path.Combine(_folder.Path, "xray"));
        Assert.Throws<PluginInputException>(() => Load());
        Directory.CreateDirectory(System.IO.Path.Combine(_folder.Path, "xray", "NORMAL"));
        Directory.CreateDirectory(System.IO.Path.Combine(_folder.Path, "xray", "PNEUMONIA"));
        Assert.Contains("no readable", Assert.Throws<PluginInputException>(() => Load()).Message);
    }

    [Fact]
    public void A_positive_folder_without_readable_images_is_rejected()
    {
        Image("xray/NORMAL/a.png", Rust, SKEncodedImageFormat.Png);
        _folder.File("xray/PNEUMONIA/broken.jpeg", "not a jpeg");
        var e = Assert.Throws<PluginInputException>(() => Load());
        Assert.Contains("'PNEUMONIA'", e.Message);
    }

    [Fact]
    public void Path_and_positive_class_are_required() =>
        Assert.Equal(2, new ImageFolderDataset().Validate().Count());
}
