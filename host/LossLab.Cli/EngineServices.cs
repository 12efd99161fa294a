using LossLab.Engine.Data;
using LossLab.Engine.Experiments;
using LossLab.Engine.Native;
using LossLab.Engine.Plugins;
using LossLab.Engine.Running;
using Microsoft.Extensions.DependencyInjection;

namespace LossLab.Cli;

/// <summary>
/// Everything of the training engine that <see cref="LossLabApp"/> touches, kept out of its own methods: the JIT
/// loads an assembly for every type a method names, so <c>review</c> and <c>report</c>, which only read files, would
/// otherwise load the engine (and prepare TorchSharp) for nothing.
/// </summary>
internal static class EngineServices
{
    public static void Add(IServiceCollection services)
    {
        services.AddSingleton<PluginDiscovery>();
        services.AddSingleton<ExperimentRunner>();
        services.AddTransient<LossLab.Cli.Commands.Review.IModelScoring, LossLab.Cli.Commands.Predict.ModelScoring>();
        TorchRuntime.Prepare();
    }

    /// <summary>The engine's exceptions that mean the user's input is wrong.</summary>
    public static string? BadInputMessage(Exception e) =>
        e is UnknownPluginException or ExperimentException or DataException ? e.Message : null;
}
