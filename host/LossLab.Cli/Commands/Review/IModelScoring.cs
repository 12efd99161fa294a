namespace LossLab.Cli.Commands.Review;

/// <summary>
/// Scores data with a model for <c>review --model --data</c>. Implemented with the training engine and registered
/// only when the command line asks for it, so that a plain <c>review PREDICTIONS.csv</c> never loads the engine.
/// </summary>
public interface IModelScoring
{
    /// <summary>Writes the predictions CSV (id, label, split when the data has one, logit, score) to <paramref name="outCsv"/>.</summary>
    /// <returns>One sentence on how the scores were produced.</returns>
    string Score(ReviewSettings settings, string outCsv, CancellationToken cancellation);
}
