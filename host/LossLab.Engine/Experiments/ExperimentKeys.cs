namespace LossLab.Engine.Experiments;

/// <summary>
/// The keys each object of an experiment file may hold; any other key is an error (<see cref="ExperimentParser"/>).
/// experiment.schema.json beside this file declares the same keys with <c>additionalProperties: false</c>, and a
/// test checks that the two agree. <c>$schema</c> (the path or URL of that schema, for editors) is read and ignored.
/// </summary>
public static class ExperimentKeys
{
    public static readonly string[] Root = ["$schema", "name", "description", "dataset", "imbalance", "split", "model", "losses", "seeds", "training",
        "thresholds", "calibrate", "bootstrap", "report", "gates", "prevalence"];
    public static readonly string[] Dataset = ["plugin", "options", "seed"];
    public static readonly string[] Imbalance = ["minority_class", "ratio"];
    public static readonly string[] Split = ["validation", "test"];
    public static readonly string[] Model = ["plugin", "options"];
    public static readonly string[] Loss = ["name", "plugin", "options"];
    public static readonly string[] Training = ["epochs", "batch_size", "optimizer", "learning_rate", "weight_decay", "momentum", "threads", "select_epoch", "early_stopping", "augment"];
    public static readonly string[] EarlyStopping = ["monitor", "patience", "min_delta"];
    public static readonly string[] Bootstrap = ["resamples", "seed", "confidence"];
    public static readonly string[] Report = ["title"];

    /// <summary>Each object by its place in the file ("" the top level, "losses[]" an entry of losses, "gates[]" a gate).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> ByPath { get; } = new Dictionary<string, IReadOnlyList<string>>
    {
        [""] = Root, ["dataset"] = Dataset, ["imbalance"] = Imbalance, ["split"] = Split, ["model"] = Model, ["losses[]"] = Loss,
        ["training"] = Training, ["training.early_stopping"] = EarlyStopping, ["bootstrap"] = Bootstrap, ["report"] = Report,
        ["gates[]"] = LossLab.Evaluation.GateParser.AllowedKeys,
    };
}
