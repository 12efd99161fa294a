using LossLab.Evaluation;
using Microsoft.ML.OnnxRuntime;

namespace LossLab.Engine.Predicting;

/// <summary>Scores batches with an ONNX Runtime session after checking its one input and one output against the data.</summary>
internal sealed class OnnxScorer : IScorer
{
    private readonly InferenceSession _session;
    private readonly string _path, _input, _output;
    private readonly RunOptions _run = new();

    public OnnxScorer(InferenceSession session, string path, int[] inputShape)
    {
        (_session, _path) = (session, path);
        if (session.InputMetadata.Count != 1)
            throw new InvalidInputException($"{path}: the model has {session.InputMetadata.Count} inputs ({string.Join(", ", session.InputMetadata.Keys)}); LossLab feeds exactly one, a float batch.");
        if (session.OutputMetadata.Count != 1)
            throw new InvalidInputException($"{path}: the model has {session.OutputMetadata.Count} outputs ({string.Join(", ", session.OutputMetadata.Keys)}); LossLab reads exactly one, one value per row.");
        var (input, inputMeta) = session.InputMetadata.Single();
        var (output, outputMeta) = session.OutputMetadata.Single();
        (_input, _output) = (input, output);
        if (!inputMeta.IsTensor || inputMeta.ElementType != typeof(float))
            throw new InvalidInputException($"{path}: input '{input}' takes {inputMeta.ElementType?.Name ?? "a non-tensor"}; LossLab feeds float32.");
        var dims = inputMeta.Dimensions;
        if (dims.Length != inputShape.Length + 1 || dims.Skip(1).Zip(inputShape).Any(p => p.First > 0 && p.First != p.Second))
            throw new InvalidInputException($"{path}: input '{input}' has shape [{string.Join(", ", dims.Select(Dim))}]; the data gives rows of [{string.Join(", ", inputShape)}].");
        var outDims = outputMeta.Dimensions;
        if (outDims.Length is < 1 or > 2 || (outDims.Length == 2 && outDims[1] != 1))
            throw new InvalidInputException($"{path}: output '{output}' has shape [{string.Join(", ", outDims.Select(Dim))}]; LossLab reads one value per row, [B] or [B, 1] (a binary classifier's logit or probability).");
        if (!outputMeta.IsTensor || outputMeta.ElementType != typeof(float))
            throw new InvalidInputException($"{path}: output '{output}' is {outputMeta.ElementType?.Name ?? "not a tensor"}; LossLab reads float32.");
    }

    private static string Dim(int d) => d < 0 ? "B" : d.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public double[] Logits(float[] features, int rows, int[] inputShape)
    {
        var length = inputShape.Aggregate(1, (a, b) => a * b);
        using var value = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, features.AsMemory(0, rows * length), [rows, .. inputShape.Select(d => (long)d)]);
        using var results = _session.Run(_run, [_input], [value], [_output]);
        var output = results[0];
        var values = output.GetTensorDataAsSpan<float>();
        if (values.Length != rows)
            throw new InvalidInputException($"{_path}: output '{_output}' gave {values.Length} values for {rows} rows; LossLab reads one value per row.");
        var logits = new double[rows];
        for (var i = 0; i < rows; i++) logits[i] = values[i];
        return logits;
    }

    public void Dispose()
    {
        _run.Dispose();
        _session.Dispose();
    }
}
