using LossLab.Evaluation.Results;
using LossLab.Reports.Data;
using LossLab.Reports.Figures;
using LossLab.Reports.Layout;
using LossLab.Reports.Layout.Fluent;

namespace LossLab.Reports.Sections;

/// <summary>
/// One loss on a card (issue 9): what it computes (the plugin's formula, or its description when a third-party plugin
/// gives none), the options as used with what each means, what they mean for this data's classes (sentences written
/// from what the engine measured, <see cref="LossCardSentences"/>), and which DLL it came from, with its SHA-256.
/// </summary>
internal sealed class LossCard(LossSummary loss, System.Text.Json.Nodes.JsonObject options, LossStyle style, Fonts.FontSet fonts) : IComponent
{
    private static readonly TextStyle Name = new(10.5f, Bold: true);
    private static readonly TextStyle Label = TextStyle.TableCell.WithBold();
    private static readonly TextStyle Fingerprint = new(6.5f, Color: new SkiaSharp.SKColor(0x50, 0x50, 0x50));

    public void Compose(IContainer container) =>
        container.KeepTogether().Column(column =>
        {
            column.Spacing(3);
            column.Item().LineHorizontal(0.5f);
            column.Item().Row(row =>
            {
                row.Spacing(6);
                row.ConstantItem(30).PaddingTop(2).Figure(new LossSwatch(style, fonts), 9);
                row.RelativeItem().Text(t => t.Span(loss.Name, Name).Span($"   plugin {loss.Plugin}", TextStyle.Caption));
            });

            var hasFormula = !string.IsNullOrWhiteSpace(loss.Formula);
            if (hasFormula)
                column.Item().Text(t => t.Span("Formula  ", Label).Span(loss.Formula, TextStyle.Body));
            if (!string.IsNullOrWhiteSpace(loss.Description))
                column.Item().Text(t => t.Span(hasFormula ? "About  " : "Description (the plugin gives no formula)  ", Label).Span(loss.Description, TextStyle.TableCell));

            if (options.Count == 0)
                column.Item().Note("Options: none set, the plugin's defaults.");
            else
                column.Item().SimpleTable([("Option", 0.9f), ("Value", 0.7f), ("Meaning", 4f)],
                    options.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => (IReadOnlyList<string>)
                        [o.Key, Format.OptionValue(o.Value), loss.OptionHelp.GetValueOrDefault(o.Key) is { Length: > 0 } help ? help : "(the plugin does not describe it)"]));

            if (LossCardSentences.Write(loss.Measurements) is { Count: > 0 } sentences)
            {
                column.Item().Text("For this data", Label);
                column.Item().Bullets(sentences);
            }

            column.Item().Text(Source(loss), Fingerprint);
        });

    /// <summary>"LossLab.Losses.Focal.dll · SHA-256 …", the file name only: the full path is in the appendix.</summary>
    public static string Source(LossSummary loss)
    {
        var file = string.IsNullOrWhiteSpace(loss.Source) ? "source not recorded" : Path.GetFileName(loss.Source.TrimEnd('/', '\\'));
        var hash = string.IsNullOrWhiteSpace(loss.Sha256) ? "no SHA-256 recorded" : $"SHA-256 {loss.Sha256}";
        return $"Source: {file} · {hash}";
    }
}
