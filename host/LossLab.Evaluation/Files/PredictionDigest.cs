using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using LossLab.Evaluation.Results;

namespace LossLab.Evaluation;

/// <summary>
/// What results.json records of each run's rows in predictions.csv, so that a truncated, edited or foreign file is
/// caught before it is used: the row count and the SHA-256 of the rows, each as the line
/// <c>split,seed,loss,id,label,score</c> as predictions.csv spells it (score in "R" format, which reads back to the same
/// double) plus '\n'; a row without an id (a file written before ids existed) as <c>split,seed,loss,label,score</c>, the
/// line such a file has, so its recorded digest still matches.
/// </summary>
public static class PredictionDigest
{
    public static (int Rows, string Sha256) Of(IEnumerable<Prediction> rows)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var count = 0;
        foreach (var p in rows)
        {
            var line = p.Id.Length > 0
                ? string.Create(CultureInfo.InvariantCulture, $"{p.Split},{p.Seed},{p.Loss},{p.Id},{p.Label},{p.Score:R}\n")
                : string.Create(CultureInfo.InvariantCulture, $"{p.Split},{p.Seed},{p.Loss},{p.Label},{p.Score:R}\n");
            hash.AppendData(Encoding.UTF8.GetBytes(line));
            count++;
        }
        return (count, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    /// <summary>Whether <paramref name="rows"/> (the run's rows from predictions.csv) are the rows results.json recorded for it; true when it recorded none (older files).</summary>
    public static bool Matches(RunResult run, IEnumerable<Prediction> rows)
    {
        if (run.PredictionsSha256 is null) return true;
        var (count, sha) = Of(rows);
        return count == run.PredictionRows && sha == run.PredictionsSha256;
    }

    /// <summary>
    /// Checks every completed run's rows in <paramref name="predictions"/> against results.json.
    /// </summary>
    /// <exception cref="InvalidInputException">A run whose rows are missing, fewer, more or different (names the file and the run).</exception>
    public static void Verify(ExperimentResults results, IReadOnlyList<Prediction> predictions, string file)
    {
        var rows = predictions.ToLookup(p => (p.Loss, p.Seed));
        foreach (var run in results.Runs.Where(r => r.Status == RunStatus.Completed && r.PredictionsSha256 is not null))
        {
            var mine = rows[(run.Loss, run.Seed)].ToList();
            if (Matches(run, mine)) continue;
            throw new InvalidInputException(mine.Count != run.PredictionRows
                ? $"{file}: {run.Loss} seed {run.Seed} has {mine.Count} rows there but results.json records {run.PredictionRows} (a truncated file, or one from another run); re-run, or `losslab run --resume` the folder to rebuild them"
                : $"{file}: the rows of {run.Loss} seed {run.Seed} differ from those results.json records (SHA-256 {Of(mine).Sha256[..12]}… instead of {run.PredictionsSha256![..12]}…): the file was edited or comes from another run");
        }
    }
}
