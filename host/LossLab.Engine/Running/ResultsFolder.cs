using LossLab.Evaluation;
using LossLab.Evaluation.Results;

namespace LossLab.Engine.Running;

/// <summary>The files of one experiment's results folder, each written atomically.</summary>
public sealed class ResultsFolder(string directory)
{
    public const string ResultsFile = "results.json";
    public const string PredictionsFile = "predictions.csv";

    public string Directory { get; } = Path.GetFullPath(directory);
    public string ResultsPath => Path.Combine(Directory, ResultsFile);
    public string PredictionsPath => Path.Combine(Directory, PredictionsFile);

    public string ModelPath(string loss, int seed) => Path.Combine(Directory, "models", $"{Sanitize(loss)}_seed{seed}.dat");

    public string Relative(string path) => Path.GetRelativePath(Directory, path);

    public void Save(ExperimentResults results, IEnumerable<Prediction> predictions)
    {
        System.IO.Directory.CreateDirectory(Directory);
        LossLab.Evaluation.PredictionsFile.Write(PredictionsPath, predictions);
        AtomicFile.WriteAllText(ResultsPath, ResultsJson.Serialize(results));
    }

    public static PreviousResults Load(string directory)
    {
        var folder = new ResultsFolder(directory);
        if (!File.Exists(folder.ResultsPath)) throw new Data.DataException($"--resume {directory}: no {ResultsFile} there");
        var results = ResultsJson.Deserialize<ExperimentResults>(File.ReadAllText(folder.ResultsPath));
        var predictions = File.Exists(folder.PredictionsPath) ? LossLab.Evaluation.PredictionsFile.Read(folder.PredictionsPath) : [];
        return new PreviousResults(results, predictions);
    }

    private static string Sanitize(string name) => string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
}
