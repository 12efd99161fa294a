namespace LossLab.Evaluation;

/// <summary>Argument validation shared by every metric, so each public function fails the same clear way.</summary>
internal static class InputChecks
{
    /// <summary>
    /// Non-null, equal lengths, at least one row, labels 0/1, scores finite; and scores in [0, 1] when
    /// <paramref name="probabilities"/> (metrics that read scores as probabilities: Brier, log loss, calibration).
    /// </summary>
    public static void LabelsAndScores(
        int[] labels, double[] scores, bool probabilities = false,
        string labelsName = "labels", string scoresName = "scores")
    {
        ArgumentNullException.ThrowIfNull(labels, labelsName);
        ArgumentNullException.ThrowIfNull(scores, scoresName);
        if (labels.Length != scores.Length)
            throw new ArgumentException(
                $"{labelsName} and {scoresName} must have the same length ({labelsName}: {labels.Length}, {scoresName}: {scores.Length}).",
                scoresName);
        if (labels.Length == 0)
            throw new ArgumentException($"{labelsName} and {scoresName} are empty; at least one row is needed.", labelsName);
        Labels(labels, labelsName);
        if (probabilities) Probabilities(scores, scoresName);
        else Finite(scores, scoresName);
    }

    public static void Labels(int[] labels, string name = "labels")
    {
        ArgumentNullException.ThrowIfNull(labels, name);
        for (int i = 0; i < labels.Length; i++)
            if (labels[i] is not (0 or 1))
                throw new ArgumentException($"{name}[{i}] is {labels[i]}; labels must be 0 or 1.", name);
    }

    public static void Finite(double[] values, string name)
    {
        ArgumentNullException.ThrowIfNull(values, name);
        for (int i = 0; i < values.Length; i++)
            if (!double.IsFinite(values[i]))
                throw new ArgumentException($"{name}[{i}] is {values[i]}; values must be finite.", name);
    }

    public static void Probabilities(double[] scores, string name = "scores")
    {
        ArgumentNullException.ThrowIfNull(scores, name);
        for (int i = 0; i < scores.Length; i++)
            if (!(scores[i] >= 0.0 && scores[i] <= 1.0))
                throw new ArgumentException(
                    $"{name}[{i}] is {scores[i]}; scores must be probabilities in [0, 1].", name);
    }

    public static void Bins(int bins, string name = "bins")
    {
        if (bins < 1) throw new ArgumentOutOfRangeException(name, bins, "The number of bins must be at least 1.");
    }

    public static int Positives(int[] labels)
    {
        int p = 0;
        foreach (int y in labels) p += y;
        return p;
    }
}
