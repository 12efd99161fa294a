namespace LossLab.Reports.Layout;

internal enum SpacePlanKind
{
    /// <summary>Nothing (left) to draw.</summary>
    Empty,
    /// <summary>Not even a part fits: move to the next page.</summary>
    Wrap,
    /// <summary>A part fits; the rest goes on the next page.</summary>
    Partial,
    /// <summary>Everything that is left fits.</summary>
    Full,
}

/// <summary>What an element would occupy in the space offered, as in QuestPDF's SpacePlan.</summary>
internal readonly record struct SpacePlan(SpacePlanKind Kind, Size Size)
{
    public static SpacePlan Empty() => new(SpacePlanKind.Empty, Size.Zero);
    public static SpacePlan Wrap() => new(SpacePlanKind.Wrap, Size.Zero);
    public static SpacePlan Partial(Size size) => new(SpacePlanKind.Partial, size);
    public static SpacePlan Full(Size size) => new(SpacePlanKind.Full, size);

    public float Width => Size.Width;
    public float Height => Size.Height;

    /// <summary>True when this element is finished after drawing this plan.</summary>
    public bool Completes => Kind is SpacePlanKind.Empty or SpacePlanKind.Full;
}
