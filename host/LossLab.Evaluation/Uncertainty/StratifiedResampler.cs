namespace LossLab.Evaluation;

/// <summary>
/// Draws bootstrap resamples stratified by class: P draws with replacement among the P positive rows and N among
/// the N negative rows, so every resample keeps the class counts (at 99:1 an unstratified resample can hold no
/// positive, and AUC is then undefined). Results are row multiplicities, ready for <see cref="WeightedSample"/>,
/// either at once (<see cref="Draw"/>) or as the drawn rows (<see cref="DrawRows"/>), counted later, maybe on
/// another thread (<see cref="Count"/>). Holds no state but the class's rows: one instance serves any thread.
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
    /// <c>random.Next(count)</c>; the draws of <see cref="DrawRows"/>, counted as they come.</summary>
    public void Draw(Random random, int[] weights)
    {
        Array.Clear(weights);
        CountFrom(_positives, random, weights);
        CountFrom(_negatives, random, weights);
    }

    private static void CountFrom(int[] rows, Random random, int[] weights)
    {
        for (int k = 0; k < rows.Length; k++) weights[rows[random.Next(rows.Length)]]++;
    }

    /// <summary>Writes the n rows of one resample to <paramref name="rows"/> (length n), in the order drawn:
    /// P positives, then N negatives, each row one <c>random.Next(count)</c> into its class's rows.</summary>
    public void DrawRows(Random random, Span<int> rows)
    {
        if (rows.Length != Length) throw new ArgumentException($"Expected {Length} rows, got {rows.Length}.", nameof(rows));
        DrawFrom(_positives, random, rows[.._positives.Length]);
        DrawFrom(_negatives, random, rows[_positives.Length..]);
    }

    /// <summary>Multiplicities of drawn rows: <c>weights[i]</c> = how often row i appears in
    /// <paramref name="rows"/>, for i below <c>rows.Length</c> (the rest of <paramref name="weights"/> is left as it is).</summary>
    public static void Count(ReadOnlySpan<int> rows, Span<int> weights)
    {
        weights[..rows.Length].Clear();
        foreach (int row in rows) weights[row]++;
    }

    private static void DrawFrom(int[] rows, Random random, Span<int> into)
    {
        for (int k = 0; k < into.Length; k++) into[k] = rows[random.Next(rows.Length)];
    }

    /// <summary>Multiplicity 1 for every row: the full sample.</summary>
    public int[] Identity() => Enumerable.Repeat(1, Length).ToArray();
}
