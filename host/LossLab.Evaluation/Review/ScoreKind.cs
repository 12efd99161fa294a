namespace LossLab.Evaluation;

/// <summary>What a score column holds: a probability of class 1 in [0, 1], or a logit turned into one by σ.</summary>
public enum ScoreKind
{
    Probability,
    Logit,
}
