using System.Text.Json.Nodes;
using LossLab.Abstractions;
using LossLab.Engine.Plugins;
using LossLab.Evaluation;
using TorchSharp;

namespace LossLab.Engine.Predicting;

/// <summary>Builds a model plugin's module with given options for a data shape, and loads a weights file into it.</summary>
internal static class PluginModelBuilder
{
    /// <param name="source">The file that named the plugin and options, for messages.</param>
    public static TorchScorer Build(PluginCatalog catalog, string plugin, JsonObject options, DatasetInfo info, string weights, string source)
    {
        var descriptor = catalog.Find(PluginKind.Model, plugin)
            ?? throw new InvalidInputException($"{source}: key 'plugin': {catalog.UnknownMessage(PluginKind.Model, plugin)}");
        var problems = new List<string>();
        var model = descriptor.Configure<ModelPlugin>(options, problems, $"{source}: key 'options'");
        if (model is null) throw new InvalidInputException(string.Join("; ", problems));
        torch.nn.Module<torch.Tensor, torch.Tensor> module;
        try
        {
            module = model.Build(info);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new InvalidInputException($"{source}: {descriptor.Label} cannot be built for input shape [{string.Join(", ", info.InputShape)}]: {e.Message}");
        }
        try
        {
            // Strict, like load_state_dict(strict=True): a spec's weights must cover the whole model.
            Weights.ModelWeights.LoadInto(module, weights);
        }
        catch (InvalidInputException e)
        {
            module.Dispose();
            throw new InvalidInputException($"{e.Message} The '{plugin}' architecture was built from the spec's options for this input.");
        }
        catch
        {
            module.Dispose();
            throw;
        }
        return TorchScorer.InEvalMode(module);
    }
}
