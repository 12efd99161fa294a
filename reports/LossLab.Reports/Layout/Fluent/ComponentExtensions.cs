namespace LossLab.Reports.Layout.Fluent;

internal static class ComponentExtensions
{
    public static void Component(this IContainer container, IComponent component) => component.Compose(container);
}
