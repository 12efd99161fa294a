namespace LossLab.Abstractions;

/// <summary>How pixel values are shifted and scaled after x = byte / 255 (torchvision ToTensor).</summary>
public enum PixelNormalization
{
    /// <summary>Inputs stay in [0, 1].</summary>
    None,
    /// <summary>(x − mean) / std with torchvision's ImageNet mean (0.485, 0.456, 0.406) and std (0.229, 0.224, 0.225).</summary>
    ImageNet,
    /// <summary>(x − mean) / std per channel, mean and population std over the training split's pixels of each seed.</summary>
    Dataset,
}

/// <summary>
/// How stored bytes become a model's inputs of shape [channels, height, width], done by the host per batch:
/// x = byte / 255; when 3 stored channels feed a 1-channel model, grey = 0.2989 R + 0.587 G + 0.114 B
/// (torchvision rgb_to_grayscale), capped at 1; one stored channel feeding 3 is repeated; then the normalisation.
/// </summary>
/// <param name="StoredChannels">Channels per stored image: 1 (grey) or 3 (RGB).</param>
public sealed record PixelFormat(int StoredChannels, PixelNormalization Normalization)
{
    public int StoredRowLength(int[] inputShape) => StoredChannels * inputShape[1] * inputShape[2];
}
