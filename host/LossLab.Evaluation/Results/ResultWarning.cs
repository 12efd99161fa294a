namespace LossLab.Evaluation.Results;

/// <summary>
/// Something in the results that makes a number untrustworthy, found by <see cref="LossLab.Evaluation.ResultChecks"/> and shown
/// at the top of summary.md, the report and the terminal. <see cref="Loss"/> and <see cref="Seed"/> are null when
/// the warning is about the whole experiment (or every seed of a loss).
/// </summary>
public sealed record ResultWarning(string Code, string? Loss, int? Seed, string Message);

/// <summary>The codes of <see cref="ResultWarning"/>, as written to results.json.</summary>
public static class WarningCodes
{
    public const string WorseThanChance = "worse_than_chance";
    public const string NotConverged = "not_converged";
    public const string ValidationPeakedEarly = "validation_peaked_early";
    public const string FewValidationPositives = "few_validation_positives";
    public const string FewTestPositives = "few_test_positives";
    public const string DivergedRuns = "diverged_runs";
    public const string SkippedInputs = "skipped_inputs";
    public const string DroppedColumns = "dropped_columns";
    public const string MissingRun = "missing_run";
}
