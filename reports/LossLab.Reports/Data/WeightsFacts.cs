using LossLab.Evaluation.Results;

namespace LossLab.Reports.Data;

/// <summary>
/// The model card's weights lines: which file the model started from, and which of its keys were loaded, kept new
/// (the head drawn from the run seed) or skipped. Loaded keys are counted per top-level layer (120 names for a
/// resnet18 say less than "layer1 30"); results.json keeps every name.
/// </summary>
internal static class WeightsFacts
{
    public static string Parameters(ModelSummary m) =>
        $"{Format.Count((int)Math.Min(int.MaxValue, m.Parameters))} parameters"
        + (m.TrainableParameters is { } trainable ? $" ({Format.Count((int)Math.Min(int.MaxValue, trainable))} trainable, the rest frozen)" : "");

    public static string File(LoadedWeights w) => $"{w.File} ({w.Format}), SHA-256 {w.Sha256}";

    public static string Keys(LoadedWeights w)
    {
        var loaded = w.Loaded.GroupBy(k => k.Split('.')[0]).Select(g => $"{g.Key} {g.Count()}");
        return $"loaded {w.Loaded.Count} keys ({string.Join(", ", loaded)})"
            + (w.New.Count > 0 ? $"; new, drawn from the run seed: {string.Join(", ", w.New)}" : "; no new keys")
            + (w.Skipped.Count > 0 ? $"; skipped from the file: {string.Join(", ", w.Skipped.Select(s => $"{s.Key} [{string.Join(", ", s.FileShape)}]"))}" : "");
    }
}
