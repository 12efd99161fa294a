using LossLab.Evaluation;
using Microsoft.ML.OnnxRuntime;

namespace LossLab.Engine.Predicting;

/// <summary>
/// An ONNX model run with ONNX Runtime: one float input taking a batch [B, ..], one output holding one value per row
/// ([B] or [B, 1]); <c>--output</c> says whether that value is a logit or a probability (never guessed).
/// </summary>
public sealed class OnnxModel : PredictionModel
{
    private readonly bool _logits;

    private OnnxModel(bool logits) => _logits = logits;

    public static OnnxModel Read(string path, string output) => output switch
    {
        "logit" => new OnnxModel(true) { Path = path },
        "probability" => new OnnxModel(false) { Path = path },
        _ => throw new InvalidInputException($"--output {output}: expected logit or probability."),
    };

    public override bool OutputsLogits => _logits;

    public override string Describe() =>
        $"ONNX model {System.IO.Path.GetFullPath(Path)} run with ONNX Runtime; its output read as {(_logits ? "a logit, scores = σ(logit)" : "a probability, used as the score")}; no standardisation";

    public override IScorer Open(int[] inputShape, IReadOnlyList<string> featureNames)
    {
        InferenceSession session;
        try { session = new InferenceSession(Path); }
        catch (OnnxRuntimeException e) { throw new InvalidInputException($"{Path}: not an ONNX model ONNX Runtime can load ({e.Message})."); }
        try
        {
            return new OnnxScorer(session, Path, inputShape);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }
}
