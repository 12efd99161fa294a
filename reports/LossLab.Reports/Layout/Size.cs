namespace LossLab.Reports.Layout;

/// <summary>A width and a height in PDF points (1/72 inch).</summary>
internal readonly record struct Size(float Width, float Height)
{
    /// <summary>Tolerance for float comparisons: layouts add many small floats.</summary>
    public const float Epsilon = 0.01f;

    public static readonly Size Zero = new(0, 0);

    public bool FitsIn(Size available) =>
        Width <= available.Width + Epsilon && Height <= available.Height + Epsilon;
}
