using static TorchSharp.torch;

namespace LossLab.Engine.Data;

/// <summary>
/// training.augment: each training image is cropped and resized back to its size, then maybe mirrored, as
/// torchvision's RandomResizedCrop(size) followed by RandomHorizontalFlip() does: resized_crop = crop, then bilinear
/// resize with align_corners = false and no antialiasing (torchvision 0.14's default for tensors); flip reverses the
/// width axis. Applied to the stored size × size image, after the plugin's resize and crop.
/// </summary>
public static class ImageAugmentation
{
    /// <summary>[N, C, H, W] inputs augmented by <paramref name="draws"/> (one per image); call inside a dispose scope.</summary>
    public static Tensor Apply(Tensor images, IReadOnlyList<AugmentationDraw> draws)
    {
        var (height, width) = (images.shape[2], images.shape[3]);
        var augmented = new Tensor[draws.Count];
        for (var k = 0; k < draws.Count; k++)
        {
            var d = draws[k];
            var image = images.narrow(0, k, 1).narrow(2, d.Top, d.Height).narrow(3, d.Left, d.Width);
            if (d.Height != height || d.Width != width)
                image = nn.functional.interpolate(image, [height, width], mode: InterpolationMode.Bilinear, align_corners: false);
            augmented[k] = d.Flip ? image.flip(3) : image;
        }
        return cat(augmented, 0);
    }
}
