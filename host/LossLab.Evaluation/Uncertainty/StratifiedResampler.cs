namespace LossLab.Evaluation;

/// <summary>
/// Draws bootstrap resamples stratified by class: P draws with replacement among the P positive rows and N among
/// the N negative rows, so every resample keeps the class counts (at 99:1 an unstratified resample can hold no
/// positive, and AUC is then undefined). Results are row multiplicities, ready for <see cref="WeightedSample"/>.
/// </summary>
internal sealed class StratifiedResampler
{
    private readonly int[] _positives, _negatives;

    public StratifiedResampler(int[] labels)
    {
        _positives = Enumerable.Range(0, labels.Length).Where(i => labels[i] == 1).ToArray();
        _negatives = Enumerable.Range(0, labels.Length).Where(i => labels[i] == 0).ToArray();
        Length = labels.Length;
    }

    public int Length { get; }

    /// <summary>Fills <paramref name="weights"/> (length n): positives first, then negatives, each draw one
    /// <c>random.Next(count)</c>.</summary>
    public void Draw(Random random, int[] weights)
    {
        Array.Clear(weights);
        DrawFrom(_positives, random, weights);
        DrawFrom(_negatives, random, weights);
    }

    private static void DrawFrom(int[] rows, Random random, int[] weights)
    {
        for (int k = 0; k < rows.Length; k++) weights[rows[random.Next(rows.Length)]]++;
    }

    /// <summary>Multiplicity 1 for every row: the full sample.</summary>
    public int[] Identity() => Enumerable.Repeat(1, Length).ToArray();
}
