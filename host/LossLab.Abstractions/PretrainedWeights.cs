namespace LossLab.Abstractions;

/// <summary>
/// Weights a model plugin asks the host to load into its module after the seeded build (see
/// <see cref="ModelPlugin.Pretrained"/>). The host reads the file (a PyTorch <c>state_dict</c> saved with
/// <c>torch.save</c>, a <c>.safetensors</c> file, or TorchSharp's own <c>module.save</c> format), checks every key
/// and shape against the module, and copies the values in. Entries under <see cref="HeadPrefix"/> are the plugin's
/// task head: where the file's head does not fit (an ImageNet checkpoint's 1000-way <c>fc</c>) they are skipped and
/// the head keeps its seeded initial values; every other key must match exactly.
/// </summary>
/// <param name="Path">The weights file as the user wrote it; the host resolves it relative to the experiment file.</param>
/// <param name="HeadPrefix">State-dict prefix of the head the plugin creates fresh, e.g. <c>"fc."</c>; "" for none.</param>
public sealed record PretrainedWeights(string Path, string HeadPrefix);
