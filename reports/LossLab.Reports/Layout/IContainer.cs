namespace LossLab.Reports.Layout;

/// <summary>A place to put content (as in QuestPDF): extension methods fill it or wrap it in a decorator.</summary>
internal interface IContainer
{
    LayoutContext Context { get; }

    void SetChild(Element element);
}
