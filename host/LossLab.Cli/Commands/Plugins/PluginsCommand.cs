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
                    ["name"] = o.Name, ["type"] = o.Type, ["default"] = o.DefaultJson, ["description"] = o.Description,
                    ["range"] = o.Range == "" ? null : o.Range,
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

    private void WriteTables(PluginCatalog catalog)
    {
        foreach (var kind in Enum.GetValues<PluginKind>())
        {
            var table = new Table().Title($"[bold]{kind.Label()} plugins[/]").AddColumns("name", "description", "options (default, range)", "source");
            foreach (var p in catalog.OfKind(kind).OrderBy(p => p.Name, StringComparer.Ordinal))
            {
                var options = p.Options.Count == 0 ? "—" : string.Join("\n", p.Options.Select(o =>
                    $"{o.Name}: {o.Type} = {OptionValues.Format(o.Default)}{(o.Range == "" ? "" : $"  {o.Range}")}"));
                table.AddRow(Markup.Escape(p.Name), Markup.Escape(p.Description), Markup.Escape(options), Markup.Escape(p.Source));
            }
            console.Write(table);
        }
        if (catalog.Failures.Count == 0) return;
        var failed = new Table().Title("[bold red]failed[/]").AddColumns("file", "reason");
        foreach (var f in catalog.Failures) failed.AddRow(Markup.Escape(f.Source), Markup.Escape(f.Reason));
        console.Write(failed);
    }
}
