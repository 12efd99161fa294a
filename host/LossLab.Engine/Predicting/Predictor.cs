using LossLab.Evaluation;
using LossLab.Evaluation.Models;

namespace LossLab.Engine.Predicting;

/// <summary>
/// Scores rows with a model, batch by batch: the model's standardisation applied (when it carries one), logits from
/// the scorer (or, for a model whose output is a probability, logit = log(p / (1 − p))), score = σ(logit).
/// </summary>
public static class Predictor
{
    public sealed record Summary(long Rows, bool Labelled, bool HasSplits);

    public static Summary Run(PredictionModel model, IRowSource rows, string outPath, int batchSize, CancellationToken cancellation)
    {
        using var scorer = model.Open(rows.InputShape, rows.FeatureNames);
        var directory = Path.GetDirectoryName(Path.GetFullPath(outPath))!;
        Directory.CreateDirectory(directory);
        long total = 0;
        AtomicFile.Replace(outPath, temp =>
        {
            using var writer = new PredictionsCsvWriter(temp, rows.HasLabels, rows.HasSplits);
            foreach (var batch in rows.Batches(batchSize))
            {
                cancellation.ThrowIfCancellationRequested();
                if (model.Standardization is { } s) Standardize(batch, s);
                var raw = scorer.Logits(batch.Features, batch.Count, rows.InputShape);
                var logits = model.OutputsLogits ? raw : ToLogits(raw, model.Path);
                var scores = new double[batch.Count];
                for (var i = 0; i < batch.Count; i++) scores[i] = model.OutputsLogits ? Logistic.Sigmoid(logits[i]) : raw[i];
                writer.Write(batch, logits, scores);
                total += batch.Count;
            }
        });
        return new Summary(total, rows.HasLabels, rows.HasSplits);
    }

    /// <summary>z = (x − mean) / sd in double, rounded to float: exactly what training applied.</summary>
    private static void Standardize(RowBatch batch, Standardization s)
    {
        var width = s.Mean.Length;
        for (var i = 0; i < batch.Count * width; i++)
        {
            var j = i % width;
            batch.Features[i] = (float)((batch.Features[i] - s.Mean[j]) / s.Sd[j]);
        }
    }

    private static double[] ToLogits(double[] probabilities, string source)
    {
        var logits = new double[probabilities.Length];
        for (var i = 0; i < logits.Length; i++)
        {
            var p = probabilities[i];
            if (!(p >= 0 && p <= 1)) throw new InvalidInputException($"{source}: --output probability, but the model output {p}, outside [0, 1].");
            logits[i] = Math.Log(p) - double.LogP1(-p);
        }
        return logits;
    }
}
