using LossLab.Evaluation.Models;

namespace LossLab.Engine.Predicting;

/// <summary>
/// A model given to <c>losslab predict</c>, read but not yet built: what it needs from the data (features by name,
/// standardisation, image preprocessing) and how to build its scorer once the data's input shape is known.
/// </summary>
public abstract class PredictionModel
{
    /// <summary>The file or folder given.</summary>
    public required string Path { get; init; }

    /// <summary>Feature names the model takes, by name and in order; null when it does not name them.</summary>
    public virtual IReadOnlyList<string>? FeatureNames => null;

    /// <summary>Applied to table features before scoring; null for none.</summary>
    public virtual Standardization? Standardization => null;

    /// <summary>How images must be prepared; null when the model does not say.</summary>
    public virtual ImagePreprocessing? Image => null;

    /// <summary>Names of label 0 and 1, when the model knows them.</summary>
    public virtual IReadOnlyList<string> ClassNames => [];

    /// <summary>One sentence on how the scores are produced, for the review ("LossLab model folder ...: mlp ...").</summary>
    public abstract string Describe();

    /// <summary>Whether the model's single output holds logits (true) or probabilities.</summary>
    public virtual bool OutputsLogits => true;

    /// <summary>The scorer for rows of <paramref name="inputShape"/>.</summary>
    /// <exception cref="LossLab.Evaluation.InvalidInputException">The model cannot take such rows, or its weights do not fit.</exception>
    public abstract IScorer Open(int[] inputShape, IReadOnlyList<string> featureNames);
}
