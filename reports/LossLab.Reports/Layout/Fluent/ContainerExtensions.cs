using LossLab.Reports.Layout.Elements;

namespace LossLab.Reports.Layout.Fluent;

/// <summary>The basic move of the fluent API: put an element into a container, or wrap the container's future content.</summary>
internal static class ContainerExtensions
{
    public static void Element(this IContainer container, Element element) => container.SetChild(element);

    /// <summary>Puts a decorator built around a fresh container here, and returns that container to fill.</summary>
    public static IContainer Decorate(this IContainer container, Func<Element, Element> decorator)
    {
        var inner = new Container(container.Context);
        container.SetChild(decorator(inner));
        return inner;
    }
}
