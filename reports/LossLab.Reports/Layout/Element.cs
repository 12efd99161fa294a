namespace LossLab.Reports.Layout;

/// <summary>
/// A layout element: <see cref="Measure"/> says what it would take of the space offered without changing anything;
/// <see cref="Draw"/> draws that much and advances the element's paging state, so the next page continues where
/// this one stopped.
/// </summary>
internal abstract class Element
{
    public abstract SpacePlan Measure(Size available);

    public abstract void Draw(IDrawingCanvas canvas, Size available);

    public virtual IEnumerable<Element> Children => [];

    /// <summary>Forgets paging progress, for the drawing pass after the page-counting pass, or a repeated header.</summary>
    protected virtual void ResetOwnState()
    {
    }

    public void ResetState()
    {
        ResetOwnState();
        foreach (var child in Children)
            child.ResetState();
    }

    /// <summary>Every element of this subtree, this one first.</summary>
    public IEnumerable<Element> Descendants()
    {
        yield return this;
        foreach (var child in Children)
            foreach (var element in child.Descendants())
                yield return element;
    }
}
