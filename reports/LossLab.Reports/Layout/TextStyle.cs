using SkiaSharp;

namespace LossLab.Reports.Layout;

/// <summary>How a run of text looks. Sizes in points.</summary>
internal sealed record TextStyle(float Size = 9.5f, bool Bold = false, SKColor? Color = null)
{
    public static readonly TextStyle Body = new();
    public static readonly TextStyle Small = new(7.5f);
    public static readonly TextStyle Caption = new(8f, Color: new SKColor(0x40, 0x40, 0x40));
    public static readonly TextStyle Heading1 = new(16f, Bold: true);
    public static readonly TextStyle Heading2 = new(12f, Bold: true);
    public static readonly TextStyle TableHeader = new(8f, Bold: true);
    public static readonly TextStyle TableCell = new(8f);

    public SKColor Ink => Color ?? SKColors.Black;

    public TextStyle WithBold(bool bold = true) => this with { Bold = bold };
}
