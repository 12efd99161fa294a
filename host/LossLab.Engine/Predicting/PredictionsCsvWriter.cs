using System.Globalization;
using CsvHelper;

namespace LossLab.Engine.Predicting;

/// <summary>
/// predictions.csv of <c>losslab predict</c>: <c>id</c>, <c>label</c> when the data has labels, <c>split</c> when it has
/// one, <c>logit</c> and <c>score</c> = σ(logit); numbers written with "R" so that reading gives back the same doubles.
/// </summary>
public sealed class PredictionsCsvWriter : IDisposable
{
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        NewLine = "\n", WriteByteOrderMark = false, Injection = CsvInjection.None, FormatProvider = CultureInfo.InvariantCulture,
    };

    private readonly CsvWriter _csv;
    private readonly bool _labels, _splits;

    public PredictionsCsvWriter(string path, bool labels, bool splits)
    {
        _csv = CsvWriter.ToFile(path, Options);
        (_labels, _splits) = (labels, splits);
        _csv.WriteHeader([.. (string[])["id"], .. labels ? (string[])["label"] : [], .. splits ? (string[])["split"] : [], "logit", "score"]);
    }

    public void Write(RowBatch batch, double[] logits, double[] scores)
    {
        var fields = new List<string>(5);
        for (var i = 0; i < batch.Count; i++)
        {
            fields.Clear();
            fields.Add(batch.Ids[i]);
            if (_labels) fields.Add(batch.Labels![i].ToString(CultureInfo.InvariantCulture));
            if (_splits) fields.Add(batch.Splits![i]);
            fields.Add(logits[i].ToString("R", CultureInfo.InvariantCulture));
            fields.Add(scores[i].ToString("R", CultureInfo.InvariantCulture));
            _csv.WriteRecord(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(fields));
        }
    }

    public void Dispose() => _csv.Dispose();
}
