namespace LossLab.Evaluation;

/// <summary>
/// B equal-width bins on [0, 1]: bin b holds scores in [b/B, (b+1)/B), the last bin also holds 1.0. Edges are
/// b/B computed as one division, so a score equal to an edge as written (0.3 = 3/10) lands in the bin it opens.
/// </summary>
internal static class EqualWidthBins
{
    public static double Edge(int b, int bins) => (double)b / bins;

    public static int IndexOf(double score, int bins)
    {
        int b = (int)(score * bins);
        // score·B can round across an edge; settle against the edges themselves.
        if (b > 0 && score < Edge(b, bins)) b--;
        else if (b + 1 < bins && score >= Edge(b + 1, bins)) b++;
        return Math.Clamp(b, 0, bins - 1);
    }

    public static double[] Edges(int bins)
    {
        var edges = new double[bins + 1];
        for (int b = 0; b <= bins; b++) edges[b] = Edge(b, bins);
        return edges;
    }
}
