using LossLab.Abstractions;
using LossLab.Engine.Plugins;
using LossLab.Evaluation;
using LossLab.Evaluation.Models;

namespace LossLab.Engine.Predicting;

/// <summary>A LossLab model folder (model.json and weights): the model plugin rebuilt with its options, the weights loaded.</summary>
public sealed class ModelFolder : PredictionModel
{
    private readonly PluginCatalog _catalog;

    public ModelCard Card { get; }

    private ModelFolder(ModelCard card, PluginCatalog catalog) { Card = card; _catalog = catalog; }

    public static ModelFolder Read(string folder, PluginCatalog catalog) => new(ModelCardFile.Read(folder), catalog) { Path = folder };

    public override IReadOnlyList<string>? FeatureNames => Card.InputShape.Length == 1 ? Card.FeatureNames : null;
    public override Standardization? Standardization => Card.Standardization;
    public override ImagePreprocessing? Image => Card.Image;
    public override IReadOnlyList<string> ClassNames => Card.ClassNames;

    public override string Describe() =>
        $"LossLab model folder {System.IO.Path.GetFullPath(Path)}: model plugin '{Card.Plugin}' trained with loss '{Card.Loss}', seed {Card.Seed}; "
        + $"scores = σ(logit){(Card.Standardization is null ? "" : ", features standardised with the training split's means and standard deviations")}";

    public override IScorer Open(int[] inputShape, IReadOnlyList<string> featureNames)
    {
        if (!inputShape.SequenceEqual(Card.InputShape))
            throw new InvalidInputException($"{ModelCardFile.PathIn(Path)}: the model takes input_shape [{string.Join(", ", Card.InputShape)}], the data gives [{string.Join(", ", inputShape)}].");
        var info = new DatasetInfo(Card.InputShape, Card.FeatureNames, Card.ClassNames, Path);
        return PluginModelBuilder.Build(_catalog, Card.Plugin, Card.Options, info, System.IO.Path.Combine(Path, Card.Weights), ModelCardFile.PathIn(Path));
    }
}
