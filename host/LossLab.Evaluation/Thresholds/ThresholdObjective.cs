using System.Globalization;

namespace LossLab.Evaluation;

/// <summary>
/// A rule that picks a decision threshold from tuning rows (<see cref="ThresholdTuner"/>). Candidates are the
/// distinct scores, positive when score ≥ candidate. Written as text in experiments and on the command line:
/// <list type="bullet">
/// <item><c>max_f1</c>, <c>max_fbeta:B</c> (B &gt; 0): maximise F_β (<see cref="MaxFBetaObjective"/>).</item>
/// <item><c>youden</c>: maximise TPR − FPR (<see cref="YoudenObjective"/>).</item>
/// <item><c>recall&gt;=R</c> (0 &lt; R ≤ 1): the highest threshold with recall ≥ R (<see cref="RecallFloorObjective"/>).</item>
/// <item><c>precision&gt;=P</c> (0 &lt; P ≤ 1): the highest recall with precision ≥ P (<see cref="PrecisionFloorObjective"/>).</item>
/// <item><c>cost:FP,FN</c> (costs ≥ 0, not both 0): minimise FP·fp + FN·fn (<see cref="CostObjective"/>).</item>
/// <item>a number such as <c>0.5</c>: that fixed threshold (<see cref="FixedThresholdObjective"/>).</item>
/// </list>
/// Among candidates equally good for an objective, the highest threshold wins.
/// </summary>
[System.Text.Json.Serialization.JsonConverter(typeof(ThresholdObjectiveJsonConverter))]
public abstract record ThresholdObjective
{
    internal const string AcceptedForms =
        "max_f1, max_fbeta:B (B > 0), youden, recall>=R (0 < R <= 1), precision>=P (0 < P <= 1), "
        + "cost:FP,FN (costs >= 0, not both 0), or a fixed threshold such as 0.5";

    private protected ThresholdObjective() { }

    /// <summary>Canonical text, which <see cref="Parse"/> reads back to an equal objective (e.g. "recall>=0.9").</summary>
    public abstract string Name { get; }

    public sealed override string ToString() => Name;

    /// <summary>
    /// Chooses from the sweep of distinct thresholds. Callers guarantee both classes are present unless
    /// <see cref="NeedsBothClasses"/> is false.
    /// </summary>
    internal abstract TunedThreshold Choose(ThresholdCounts counts);

    internal virtual bool NeedsBothClasses => true;

    /// <summary>True when the choice mixes the classes, so that another prevalence may pick another threshold.</summary>
    internal virtual bool DependsOnPrevalence => false;

    /// <summary>
    /// Chooses as <see cref="Choose"/> would if the tuning rows had positives in share π: each candidate's TPR and FPR
    /// are kept and what mixes the classes is read at π (<see cref="PrevalenceReweighting"/>). Only for objectives
    /// that <see cref="DependsOnPrevalence"/>; both classes present.
    /// </summary>
    internal virtual TunedThreshold ChooseAt(ThresholdCounts counts, double prevalence) =>
        throw new NotSupportedException($"'{Name}' does not depend on prevalence.");

    /// <summary>
    /// The index k that maximises <paramref name="value"/> over the sweep; the first (highest threshold) on ties.
    /// </summary>
    private protected static int ArgMax(ThresholdCounts counts, Func<ConfusionCounts, double> value)
    {
        int best = 0;
        double bestValue = double.NegativeInfinity;
        for (int k = 0; k < counts.Count; k++)
        {
            double v = value(counts.At(k));
            if (v > bestValue) { bestValue = v; best = k; }
        }
        return best;
    }

    /// <summary>Reads one of the forms listed on <see cref="ThresholdObjective"/>; case and spaces are ignored.</summary>
    /// <exception cref="FormatException">The text is none of the accepted forms, or a number is out of range;
    /// the message quotes the text and lists the accepted forms.</exception>
    public static ThresholdObjective Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string t = string.Concat(text.Where(c => !char.IsWhiteSpace(c))).ToLowerInvariant();

        if (t == "max_f1") return new MaxFBetaObjective(1.0);
        if (t == "youden") return new YoudenObjective();
        if (t.StartsWith("max_fbeta:", StringComparison.Ordinal))
        {
            double beta = Number(text, t["max_fbeta:".Length..], "B");
            if (!(beta > 0)) throw Invalid(text, "B must be > 0");
            return new MaxFBetaObjective(beta);
        }
        if (t.StartsWith("recall>=", StringComparison.Ordinal))
        {
            double r = Number(text, t["recall>=".Length..], "R");
            if (!(r > 0 && r <= 1)) throw Invalid(text, "R must be in (0, 1]");
            return new RecallFloorObjective(r);
        }
        if (t.StartsWith("precision>=", StringComparison.Ordinal))
        {
            double p = Number(text, t["precision>=".Length..], "P");
            if (!(p > 0 && p <= 1)) throw Invalid(text, "P must be in (0, 1]");
            return new PrecisionFloorObjective(p);
        }
        if (t.StartsWith("cost:", StringComparison.Ordinal))
        {
            string[] parts = t["cost:".Length..].Split(',');
            if (parts.Length != 2) throw Invalid(text, "cost needs two numbers, FP,FN");
            double fp = Number(text, parts[0], "FP"), fn = Number(text, parts[1], "FN");
            if (fp < 0 || fn < 0 || (fp == 0 && fn == 0)) throw Invalid(text, "costs must be >= 0 and not both 0");
            return new CostObjective(fp, fn);
        }
        if (TryNumber(t, out double threshold)) return new FixedThresholdObjective(threshold);
        throw Invalid(text, null);
    }

    internal static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static bool TryNumber(string s, out double value) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    private static double Number(string text, string s, string what) =>
        TryNumber(s, out double value) ? value : throw Invalid(text, $"{what} is not a finite number ('{s}')");

    private static FormatException Invalid(string text, string? why) =>
        new($"Unknown threshold objective '{text}'{(why is null ? "" : $": {why}")}. Accepted forms: {AcceptedForms}.");
}
