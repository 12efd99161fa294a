using LossLab.Abstractions;

namespace LossLab.Plugins.Datasets;

/// <summary>
/// A seeded two-class generator after scikit-learn's make_classification (Guyon 2003, NIPS feature selection
/// benchmark): cluster centres on distinct vertices of the hypercube {−class_sep, +class_sep}^k of the informative
/// features, each cluster N(0, I)·A + centre with A uniform in [−1, 1]^{k×k}, the other features N(0, 1) noise,
/// then a flip_y fraction of labels redrawn at random. Rows are shuffled; x1..xk are the informative features.
/// </summary>
public sealed class SyntheticDataset : DatasetPlugin
{
    public override string Name => "synthetic";

    public override string Description => "Seeded Gaussian clusters on hypercube vertices, after scikit-learn's make_classification.";

    [Option("Number of examples.", Min = 2)]
    public int Samples { get; set; } = 6000;

    [Option("Number of features.", Min = 1)]
    public int Features { get; set; } = 2;

    [Option("Informative features (the first ones); 0 means all of them.", Min = 0)]
    public int Informative { get; set; }

    [Option("Half the distance between cluster centres along each informative feature.", Min = 0)]
    public double ClassSep { get; set; } = 1.5;

    [Option("Fraction of positive examples, in (0, 1).", Min = 0, Max = 1, MaxExclusive = true)]
    public double PositiveFraction { get; set; } = 0.01;

    [Option("Fraction of labels replaced by a random class, as scikit-learn (so about half of them change).", Min = 0, Max = 1)]
    public double FlipY { get; set; }

    [Option("Gaussian clusters per class.", Min = 1)]
    public int ClustersPerClass { get; set; } = 1;

    private int InformativeCount => Informative == 0 ? Features : Informative;

    public override IEnumerable<string> Validate()
    {
        if (Informative > Features) yield return $"informative ({Informative}) must not exceed features ({Features}).";
        var positives = Math.Round(Samples * PositiveFraction);
        if (positives < 1 || positives > Samples - 1)
            yield return $"samples × positive_fraction = {Samples * PositiveFraction:G4} must round to between 1 and samples − 1.";
        if (Math.Log2(2.0 * ClustersPerClass) > Math.Min(InformativeCount, Features))
            yield return $"2 × clusters_per_class ({2 * ClustersPerClass}) must not exceed 2^informative, the number of hypercube vertices.";
    }

    public override Dataset Load(DatasetContext context)
    {
        var random = new Gaussian(context.Seed);
        int informative = InformativeCount, positives = (int)Math.Round(Samples * PositiveFraction);
        var vertices = DistinctVertices(2 * ClustersPerClass, informative, random.Uniform);
        var features = new float[Samples * Features];
        var labels = new int[Samples];
        var row = 0;
        for (var cluster = 0; cluster < vertices.Length; cluster++)
        {
            // Cluster c belongs to class c mod 2; a class's examples are split evenly over its clusters.
            var label = cluster % 2;
            int classSize = label == 1 ? positives : Samples - positives, index = cluster / 2;
            var size = classSize / ClustersPerClass + (index < classSize % ClustersPerClass ? 1 : 0);
            var mixing = Enumerable.Range(0, informative * informative).Select(_ => 2 * random.Uniform.NextDouble() - 1).ToArray();
            for (var n = 0; n < size; n++, row++)
            {
                context.Cancellation.ThrowIfCancellationRequested();
                var z = Enumerable.Range(0, informative).Select(_ => random.Next()).ToArray();
                for (var j = 0; j < informative; j++)
                {
                    var value = vertices[cluster][j] ? ClassSep : -ClassSep;
                    for (var i = 0; i < informative; i++) value += z[i] * mixing[i * informative + j];
                    features[row * Features + j] = (float)value;
                }
                labels[row] = label;
            }
        }
        for (var i = 0; i < Samples; i++)
        {
            for (var j = informative; j < Features; j++) features[i * Features + j] = (float)random.Next();
            if (random.Uniform.NextDouble() < FlipY) labels[i] = random.Uniform.Next(2);
        }
        Shuffle(features, labels, random.Uniform);
        var names = Enumerable.Range(1, Features).Select(j => $"x{j}").ToArray();
        // The options are reported beside the source; the source says what is not an option.
        var source = $"generated, seed {context.Seed}, {informative} informative feature(s)";
        return new Dataset(features, labels, new DatasetInfo([Features], names, ["negative", "positive"], source));
    }

    /// <summary>Distinct random vertices of {0, 1}^k, drawn by rejection (count ≤ 2^k is validated).</summary>
    private static bool[][] DistinctVertices(int count, int dimensions, Random random)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var vertices = new List<bool[]>(count);
        while (vertices.Count < count)
        {
            var vertex = Enumerable.Range(0, dimensions).Select(_ => random.Next(2) == 1).ToArray();
            if (seen.Add(string.Concat(vertex.Select(b => b ? '1' : '0')))) vertices.Add(vertex);
        }
        return [.. vertices];
    }

    /// <summary>Fisher–Yates shuffle of whole rows.</summary>
    private static void Shuffle(float[] features, int[] labels, Random random)
    {
        var width = features.Length / labels.Length;
        var buffer = new float[width];
        for (var i = labels.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (labels[i], labels[j]) = (labels[j], labels[i]);
            features.AsSpan(i * width, width).CopyTo(buffer);
            features.AsSpan(j * width, width).CopyTo(features.AsSpan(i * width, width));
            buffer.CopyTo(features.AsSpan(j * width, width));
        }
    }
}
