using System.CommandLine;
using System.Text.Json.Nodes;
using LossLab.Engine.Plugins;
using LossLab.Evaluation.Results;
using Spectre.Console;

namespace LossLab.Cli.Commands.Plugins;

/// <summary><c>losslab plugins [--json]</c>: what was discovered, with options and source DLLs, and what failed.</summary>
public sealed class PluginsCommand(PluginCatalogFactory catalogs, IAnsiConsole console)
{
    public static Command Create(IServiceProvider services)
    {
        var command = new Command("plugins", "List the loss, dataset and model plugins discovered at runtime");
        PluginsSettings.Declare(command);
        command.SetAction(parse => services.Get<PluginsCommand>().Execute(PluginsSettings.Bind(parse)));
        return command;
    }

    public int Execute(PluginsSettings settings)
    {
        var catalog = catalogs.Create(settings.Plugins);
        if (settings.Json) Console.Out.WriteLine(ToJson(catalog).ToJsonString(ResultsJson.Options));
        else WriteTables(catalog);
        return ExitCodes.Success;
    }

    public static JsonArray ToJson(PluginCatalog catalog)
    {
        var array = new JsonArray();
        foreach (var plugin in catalog.Plugins.OrderBy(p => p.Kind).ThenBy(p => p.Name, StringComparer.Ordinal))
        {
            var options = new JsonArray();
            foreach (var o in plugin.Options)
                options.Add(new JsonObject
                {
                    ["name"] = o.Name, ["type"] = o.Type, ["default"] = o.Required ? null : o.DefaultJson, ["required"] = o.Required,
                    ["description"] = o.Description, ["range"] = o.Range == "" ? null : o.Range,
                });
            array.Add(new JsonObject
            {
                ["kind"] = plugin.Kind.Label(), ["name"] = plugin.Name, ["description"] = plugin.Description,
                ["options"] = options, ["source"] = plugin.Source,
            });
        }
        foreach (var failure in catalog.Failures)
            array.Add(new JsonObject { ["kind"] = "failed", ["source"] = failure.Source, ["reason"] = failure.Reason });
        return array;
    }

    /// <summary>
    /// One table per kind: a row per plugin with its description, then a row per option with its type, default,
    /// allowed range and description (Spectre wraps long cells to the terminal); the DLLs they came from go under it.
    /// </summary>
    private void WriteTables(PluginCatalog catalog)
    {
        foreach (var kind in Enum.GetValues<PluginKind>())
        {
            var plugins = catalog.OfKind(kind).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
            var table = new Table().Title($"[bold]{kind.Label()} plugins[/]").AddColumns("plugin / option", "type", "default", "range", "description");
            foreach (var p in plugins)
            {
                table.AddRow($"[bold]{Markup.Escape(p.Name)}[/]", "", "", "", Markup.Escape(p.Description));
                foreach (var o in p.Options)
                    table.AddRow($"  {Markup.Escape(o.Name)}", Markup.Escape(o.Type), Markup.Escape(DefaultText(o)), Markup.Escape(o.Range == "" ? "any" : o.Range), Markup.Escape(o.Description));
            }
            console.Write(table);
            // Paths unwrapped, so they can be copied.
            foreach (var source in plugins.GroupBy(p => p.Source, StringComparer.Ordinal))
                Console.Out.WriteLine($"  {string.Join(", ", source.Select(p => p.Name))} from {source.Key}");
            Console.Out.WriteLine();
        }
        if (catalog.Failures.Count == 0) return;
        var failed = new Table().Title("[bold red]failed[/]").AddColumns("file", "reason");
        foreach (var f in catalog.Failures) failed.AddRow(Markup.Escape(f.Source), Markup.Escape(f.Reason));
        console.Write(failed);
    }

    /// <summary>
    /// The default as typed in an experiment; "not set" for a nullable option left out; "required" for an option
    /// marked <see cref="LossLab.Abstractions.OptionAttribute.Required"/>, or a string or array whose default is null:
    /// the experiment must give it.
    /// </summary>
    internal static string DefaultText(OptionDescriptor option) => option.Default switch
    {
        _ when option.Required => "required",
        null when option.Type.EndsWith('?') => "not set",
        null => "required",
        "" => "\"\"",
        var value => OptionValues.Format(value),
    };
}
