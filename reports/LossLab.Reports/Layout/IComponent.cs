namespace LossLab.Reports.Layout;

/// <summary>A reusable piece of a report that holds its data and only composes layout elements (QuestPDF's IComponent).</summary>
internal interface IComponent
{
    void Compose(IContainer container);
}
