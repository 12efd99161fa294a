namespace LossLab.Engine.Plugins;

public enum PluginKind { Loss, Dataset, Model }

public static class PluginKinds
{
    public static string Label(this PluginKind kind) => kind switch
    {
        PluginKind.Loss => "loss",
        PluginKind.Dataset => "dataset",
        _ => "model",
    };

    public static PluginKind? Of(Type type) =>
        typeof(LossLab.Abstractions.LossPlugin).IsAssignableFrom(type) ? PluginKind.Loss
        : typeof(LossLab.Abstractions.DatasetPlugin).IsAssignableFrom(type) ? PluginKind.Dataset
        : typeof(LossLab.Abstractions.ModelPlugin).IsAssignableFrom(type) ? PluginKind.Model
        : null;
}
