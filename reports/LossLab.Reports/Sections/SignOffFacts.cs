using LossLab.Evaluation.Results;

namespace LossLab.Reports.Sections;

/// <summary>What the sign-off page states: the gates as judged, what was judged (by hash), and the threshold that ships.</summary>
internal sealed record SignOffFacts(
    string Subject,
    IReadOnlyList<(string? Loss, GateResult Gate)> Gates,
    double Confidence,
    IReadOnlyList<(string Key, string Value)> Identity,
    IReadOnlyList<(string Key, string Value)> Shipped)
{
    public bool Passed => Gates.All(g => g.Gate.Passed);
}
