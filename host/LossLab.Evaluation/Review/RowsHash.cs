using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace LossLab.Evaluation;

/// <summary>
/// SHA-256 of the rows a review judged, after filtering: one line per kept row, in file order,
/// "label␉score␉split\n" with the label as 0/1, the score (probability, after σ for logits) written with "R", and
/// the split name (empty without a split column), UTF-8. The same rows give the same hash whatever else the file holds.
/// </summary>
internal sealed class RowsHash : IDisposable
{
    private readonly IncrementalHash _sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public void Add(int label, double score, string? split) =>
        _sha.AppendData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{label}\t{score:R}\t{split}\n")));

    public string Finish() => Convert.ToHexStringLower(_sha.GetHashAndReset());

    public void Dispose() => _sha.Dispose();
}
