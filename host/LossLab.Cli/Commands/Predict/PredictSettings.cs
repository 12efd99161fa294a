using System.CommandLine;

namespace LossLab.Cli.Commands.Predict;

/// <summary>What <c>losslab predict</c> takes, the argument and options it is read from, and the binding.</summary>
public sealed record PredictSettings : VerbSettings
{
    /// <summary>A LossLab model folder, an .onnx file or a model spec JSON.</summary>
    public required string Model { get; init; }

    /// <summary>A CSV file, an image folder or a dataset spec JSON.</summary>
    public required string Data { get; init; }

    /// <summary>The predictions CSV to write.</summary>
    public required string Out { get; init; }

    public required int BatchSize { get; init; }

    /// <summary>What an ONNX model's single output holds: "logit" or "probability".</summary>
    public required string Output { get; init; }

    public required string LabelColumn { get; init; }

    public string? IdColumn { get; init; }

    /// <summary>Null: the column "split" when the CSV has one.</summary>
    public string? SplitColumn { get; init; }

    /// <summary>--features a,b,c; null for the default choice.</summary>
    public IReadOnlyList<string>? Features { get; init; }

    private static readonly Argument<string> ModelArgument = new("model") { Description = "A LossLab model folder (models/<loss>_seed<k>/), an .onnx file, or a model spec JSON" };
    internal static readonly Option<string> DataOption = new("--data") { Description = "A CSV file, an image folder, or a dataset spec JSON { \"plugin\": ..., \"options\": { ... } }", Required = true };
    private static readonly Option<string> OutOption = new("--out", "-o") { Description = "The predictions CSV to write (id, label, split, logit, score)", Required = true };
    internal static readonly Option<int> BatchSizeOption = new("--batch-size") { DefaultValueFactory = _ => 4096, Description = "Rows scored at once" };
    internal static readonly Option<string> OutputOption = new("--output") { DefaultValueFactory = _ => "logit", Description = "What an ONNX model's single output holds: logit or probability" };
    internal static readonly Option<string> LabelOption = new("--label-column") { DefaultValueFactory = _ => "label", Description = "CSV label column (0/1 or true/false); optional when the data has no labels" };
    internal static readonly Option<string?> IdOption = new("--id-column") { Description = "CSV id column (default: the 1-based data row number)" };
    internal static readonly Option<string?> SplitOption = new("--split-column") { Description = "CSV split column (default: 'split' when present)" };
    internal static readonly Option<string?> FeaturesOption = new("--features") { Description = "CSV feature columns, in the model's order: a,b,c (default: the numeric columns other than label, id and split)" };

    internal static void Declare(Command command)
    {
        command.Arguments.Add(ModelArgument);
        foreach (var option in (Option[])[DataOption, OutOption, BatchSizeOption, OutputOption, LabelOption, IdOption, SplitOption, FeaturesOption])
            command.Options.Add(option);
    }

    internal static PredictSettings Bind(ParseResult parse)
    {
        var batch = parse.GetValue(BatchSizeOption);
        if (batch < 1) throw new UsageException($"--batch-size {batch}: must be at least 1");
        var output = parse.GetValue(OutputOption)!;
        if (output is not ("logit" or "probability")) throw new UsageException($"--output {output}: expected logit or probability");
        return BindShared(new PredictSettings
        {
            Model = parse.GetValue(ModelArgument)!, Data = parse.GetValue(DataOption)!, Out = parse.GetValue(OutOption)!,
            BatchSize = batch, Output = output, LabelColumn = parse.GetValue(LabelOption)!, IdColumn = parse.GetValue(IdOption),
            SplitColumn = parse.GetValue(SplitOption), Features = FeatureList(parse.GetValue(FeaturesOption)),
        }, parse);
    }

    internal static IReadOnlyList<string>? FeatureList(string? text) =>
        text is null ? null : text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
