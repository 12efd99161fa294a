using System.Security.Cryptography;
using System.Text;

namespace LossLab.Evaluation.Experiments;

/// <summary>The identity of a resolved experiment: the SHA-256 of its JSON as results.json writes it (every default and option explicit).</summary>
public static class ExperimentHash
{
    public static string Of(Experiment experiment) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Results.ResultsJson.Serialize(experiment))));
}
