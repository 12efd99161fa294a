using LossLab.Abstractions;
using LossLab.Engine.Data;
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

    private Dataset Load(bool grayscale = true, string positive = "PNEUMONIA") =>
        Load(new ImageFolderDataset { Path = "xray", PositiveClass = positive, Size = 16, Grayscale = grayscale });

    private Dataset Load(ImageFolderDataset plugin)
    {
        Assert.Empty(plugin.Validate());
        return plugin.Load(_folder.Context());
    }

    /// <summary>The model inputs the host makes of every row, normalised with the training rows' statistics where asked.</summary>
    private static float[] Inputs(Dataset data) =>
        new PixelInputs(data, [.. Enumerable.Range(0, data.Count)]).Rows([.. Enumerable.Range(0, data.Count)]);

    [Fact]
    public void Grayscale_png_and_jpeg_images_become_1_by_size_by_size_in_0_1()
    {
        TwoClasses();
        var data = Load();
        Assert.Equal([1, 16, 16], data.Info.InputShape);
        Assert.Equal([0, 0, 1, 1], data.Labels);
        Assert.Empty(data.Features);
        Assert.All(data.Pixels!, row => Assert.Equal(3 * 256, row.Length)); // kept as RGB bytes, a byte per value
        var inputs = Inputs(data);
        Assert.Equal(4 * 256, inputs.Length);
        Assert.All(inputs, v => Assert.InRange(v, 0f, 1f));
        Assert.Equal(["NORMAL", "PNEUMONIA"], data.Info.ClassNames);
        Assert.Empty(data.Info.FeatureNames);
        // torchvision rgb_to_grayscale: 0.2989 R + 0.587 G + 0.114 B; solid images stay solid when resized.
        var rust = (0.2989 * 200 + 0.587 * 100 + 0.114 * 50) / 255;
        var sky = (0.2989 * 40 + 0.587 * 160 + 0.114 * 240) / 255;
        Assert.All(inputs.Take(512), v => Assert.Equal(rust, v, 0.005));
        Assert.All(inputs.Skip(512), v => Assert.Equal(sky, v, 0.03)); // JPEG
    }

    [Fact]
    public void Rgb_keeps_three_channel_planes()
    {
        TwoClasses();
        var data = Load(grayscale: false);
        Assert.Equal([3, 16, 16], data.Info.InputShape);
        var inputs = Inputs(data);
        Assert.Equal(4 * 3 * 256, inputs.Length);
        Assert.Equal(200 / 255.0, inputs[0], 0.005);
        Assert.Equal(100 / 255.0, inputs[256], 0.005);
        Assert.Equal(50 / 255.0, inputs[512 + 255], 0.005);
        Assert.All(inputs, v => Assert.InRange(v, 0f, 1f));
    }

    [Fact]
    public void Channels_3_repeats_a_grey_image_into_three_equal_planes()
    {
        foreach (var (name, value) in new[] { ("xray/NORMAL/g.png", (byte)90), ("xray/PNEUMONIA/h.png", (byte)200) })
        {
            var file = System.IO.Path.Combine(_folder.Path, name);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
            using var grey = new SKBitmap(new SKImageInfo(12, 12, SKColorType.Gray8));
            grey.Erase(new SKColor(value, value, value));
            using var encoded = SKImage.FromBitmap(grey).Encode(SKEncodedImageFormat.Png, 100);
            File.WriteAllBytes(file, encoded.ToArray());
        }
        var data = Load(new ImageFolderDataset { Path = "xray", PositiveClass = "PNEUMONIA", Size = 12, Channels = 3 });
        Assert.Equal([3, 12, 12], data.Info.InputShape);
        var inputs = Inputs(data);
        Assert.All(inputs.Take(3 * 144), v => Assert.Equal(90 / 255f, v));
        Assert.All(inputs.Skip(3 * 144), v => Assert.Equal(200 / 255f, v));
    }

    /// <summary>
    /// A 40 × 20 image (or its 20 × 40 transpose): black, a white middle of 20, black. torchvision's Resize(10)
    /// makes it 20 × 10 (long side int(10 · 40 / 20)), white in columns 5–14; CenterCrop(10) starts at round((20 − 10) / 2) = 5:
    /// all white. Stretching to 10 × 10 instead keeps the black edges (columns 0–2 and 7–9).
    /// </summary>
    [Theory]
    [InlineData(40, 20)]
    [InlineData(20, 40)]
    public void Center_crop_keeps_the_middle_of_a_long_image_and_stretch_squeezes_all_of_it(int width, int height)
    {
        foreach (var folder in new[] { "NORMAL", "PNEUMONIA" })
        {
            var file = System.IO.Path.Combine(_folder.Path, "xray", folder, "band.png");
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
            using var bitmap = new SKBitmap(width, height);
            bitmap.Erase(SKColors.Black);
            for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
                if ((width > height ? x : y) is >= 10 and < 30) bitmap.SetPixel(x, y, SKColors.White);
            using var encoded = SKImage.FromBitmap(bitmap).Encode(SKEncodedImageFormat.Png, 100);
            File.WriteAllBytes(file, encoded.ToArray());
        }
        var cropped = Inputs(Load(new ImageFolderDataset { Path = "xray", PositiveClass = "PNEUMONIA", Size = 10, Channels = 3 }));
        Assert.All(cropped, v => Assert.Equal(1f, v));
        var stretched = Inputs(Load(new ImageFolderDataset { Path = "xray", PositiveClass = "PNEUMONIA", Size = 10, Channels = 3, Resize = "stretch" }));
        int At(int x, int y) => width > height ? y * 10 + x : x * 10 + y; // along the long side
        Assert.Equal(0f, stretched[At(0, 4)], 0.01);
        Assert.Equal(0f, stretched[At(9, 4)], 0.01);
        Assert.Equal(1f, stretched[At(5, 4)], 0.01);
    }

    [Fact]
    public void An_image_smaller_than_size_is_resized_up()
    {
        Image("xray/NORMAL/tiny.png", Rust, SKEncodedImageFormat.Png, 4, 4);
        Image("xray/PNEUMONIA/tiny.png", Sky, SKEncodedImageFormat.Png, 3, 5);
        var data = Load(new ImageFolderDataset { Path = "xray", PositiveClass = "PNEUMONIA", Size = 32, Channels = 3 });
        var inputs = Inputs(data);
        Assert.Equal(2 * 3 * 1024, inputs.Length);
        Assert.All(inputs.Take(1024), v => Assert.Equal(200 / 255f, v, 0.005));
    }

    [Fact]
    public void Imagenet_normalisation_uses_torchvisions_mean_and_std()
    {
        TwoClasses();
        var data = Load(new ImageFolderDataset { Path = "xray", PositiveClass = "PNEUMONIA", Size = 16, Channels = 3, Normalize = "imagenet" });
        var inputs = Inputs(data);
        // (x − mean) / std with mean (0.485, 0.456, 0.406), std (0.229, 0.224, 0.225): Rust is (200, 100, 50) / 255.
        Assert.Equal((200 / 255.0 - 0.485) / 0.229, inputs[0], 1e-5);   // 1.307049
        Assert.Equal((100 / 255.0 - 0.456) / 0.224, inputs[256], 1e-5); // −0.285014
        Assert.Equal((50 / 255.0 - 0.406) / 0.225, inputs[512], 1e-5);  // −0.932985
    }

    [Fact]
    public void Dataset_normalisation_uses_each_channels_mean_and_std_over_the_training_rows()
    {
        Image("xray/NORMAL/black.png", SKColors.Black, SKEncodedImageFormat.Png, 8, 8);
        Image("xray/PNEUMONIA/white.png", SKColors.White, SKEncodedImageFormat.Png, 8, 8);
        var data = Load(new ImageFolderDataset { Path = "xray", PositiveClass = "PNEUMONIA", Size = 8, Channels = 3, Normalize = "dataset" });
        // Half the pixels 0, half 1: mean 0.5, population std 0.5, so inputs −1 and +1 in every channel.
        var pixels = new PixelInputs(data, [0, 1]);
        Assert.Equal([0.5f, 0.5f, 0.5f], pixels.Mean!);
        Assert.Equal([0.5f, 0.5f, 0.5f], pixels.Std!);
        var inputs = pixels.Rows([0, 1]);
        Assert.All(inputs.Take(192), v => Assert.Equal(-1f, v));
        Assert.All(inputs.Skip(192), v => Assert.Equal(1f, v));
        // Statistics of the training rows only: with just the black image, std is 0 and counts as 1.
        var blackOnly = new PixelInputs(data, [0]);
        Assert.Equal([0f, 0f, 0f], blackOnly.Mean!);
        Assert.Equal([1f, 1f, 1f], blackOnly.Std!);
    }

    [Fact]
    public void An_unreadable_image_is_skipped_with_a_warning_naming_it_and_listed_with_its_reason()
    {
        TwoClasses();
        var data = Load();
        var warning = Assert.Single(_folder.Warnings);
        Assert.Contains(System.IO.Path.Combine(_folder.Path, "xray", "NORMAL", "broken.png"), warning);
        var skipped = Assert.Single(data.Info.SkippedInputs);
        Assert.Equal(System.IO.Path.Combine("NORMAL", "broken.png"), skipped.Path);
        Assert.Equal("not a decodable PNG or JPEG", skipped.Reason);
    }

    [Fact]
    public void Loading_twice_gives_the_same_arrays()
    {
        TwoClasses();
        Dataset a = Load(), b = Load();
        Assert.Equal(a.Pixels!, b.Pixels!);
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

    [Fact]
    public void Contradicting_or_impossible_channel_options_are_refused_by_name()
    {
        static string Problem(ImageFolderDataset plugin) => Assert.Single(plugin.Validate());
        Assert.Contains("channels must be 1 or 3", Problem(new ImageFolderDataset { Path = "x", PositiveClass = "y", Channels = 2 }));
        Assert.Contains("grayscale true contradicts channels 3", Problem(new ImageFolderDataset { Path = "x", PositiveClass = "y", Channels = 3, Grayscale = true }));
        Assert.Contains("normalize imagenet needs channels 3", Problem(new ImageFolderDataset { Path = "x", PositiveClass = "y", Normalize = "imagenet" }));
    }
}
