using System.Reflection;
using LossLab.Engine.Plugins;
using LossLab.Tests.Support;

namespace LossLab.Tests.Plugins;

public sealed class PluginDiscoveryTests
{
    private const string Usings = "using LossLab.Abstractions; using TorchSharp; using static TorchSharp.torch;\n";

    [Fact]
    public void Standard_plugins_are_discovered_from_their_DLLs_beside_the_executable()
    {
        var catalog = StandardPlugins.Catalog;
        Assert.Empty(catalog.Failures);
        string[] losses = ["asymmetric", "bce", "class-balanced", "focal", "poly1", "weighted-bce"];
        Assert.Equal(losses, catalog.OfKind(PluginKind.Loss).Select(p => p.Name).Order());
        Assert.Equal(["csv", "image-folder", "synthetic"], catalog.OfKind(PluginKind.Dataset).Select(p => p.Name).Order());
        Assert.Equal(["cnn", "logistic", "mlp", "resnet"], catalog.OfKind(PluginKind.Model).Select(p => p.Name).Order());
        foreach (var plugin in catalog.Plugins)
        {
            Assert.StartsWith(PluginDiscovery.DefaultFolder, plugin.Source);
            Assert.Equal(Path.GetFileNameWithoutExtension(plugin.Source), Path.GetFileName(Path.GetDirectoryName(plugin.Source)));
            Assert.Matches("^[0-9a-f]{64}$", plugin.Sha256);
            Assert.False(string.IsNullOrWhiteSpace(plugin.Description));
        }
    }

    [Fact]
    public void The_host_has_no_compile_time_reference_to_any_standard_plugin()
    {
        var hostAssemblies = new[] { "losslab", "LossLab.Engine", "LossLab.Abstractions", "LossLab.Evaluation", "LossLab.Reports" }
            .Select(n => Assembly.Load(n));
        foreach (var assembly in hostAssemblies)
            Assert.DoesNotContain(assembly.GetReferencedAssemblies(), r => r.Name!.StartsWith("LossLab.Plugins", StringComparison.Ordinal));
    }

    [Fact]
    public void Standard_plugin_folders_hold_only_the_plugins_own_files()
    {
        foreach (var folder in Directory.EnumerateDirectories(PluginDiscovery.DefaultFolder))
        {
            var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(Path.GetFileName).ToList();
            Assert.DoesNotContain("TorchSharp.dll", files);
            Assert.DoesNotContain("LossLab.Abstractions.dll", files);
            Assert.DoesNotContain(files, f => f!.EndsWith(".so", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Option_metadata_is_read_without_running_the_plugin()
    {
        var focal = StandardPlugins.Catalog.Get(PluginKind.Loss, "focal");
        var alpha = Assert.Single(focal.Options, o => o.Name == "alpha");
        var gamma = Assert.Single(focal.Options, o => o.Name == "gamma");
        Assert.Equal(("number", 0.25), (alpha.Type, (double)alpha.Default!));
        Assert.Equal(("number", 2.0, 0.0), (gamma.Type, (double)gamma.Default!, gamma.Min));
        Assert.Equal("≥ 0", gamma.Range);
        var beta = Assert.Single(StandardPlugins.Catalog.Get(PluginKind.Loss, "class-balanced").Options, o => o.Name == "beta");
        Assert.Equal("[0, 1)", beta.Range);
        var hidden = Assert.Single(StandardPlugins.Catalog.Get(PluginKind.Model, "mlp").Options, o => o.Name == "hidden");
        Assert.Equal("integer[]", hidden.Type);
        Assert.Equal([16, 8], (int[])hidden.Default!);
    }

    [Fact]
    public void Bad_option_values_are_rejected_naming_plugin_option_and_range()
    {
        var focal = StandardPlugins.Catalog.Get(PluginKind.Loss, "focal");
        var problems = new List<string>();
        var configured = focal.Configure<LossLab.Abstractions.LossPlugin>(
            new() { ["gamma"] = -1, ["alpha"] = 1.5, ["gama"] = 2, ["beta"] = "x" }, problems);
        Assert.Null(configured);
        Assert.Contains(problems, p => p.Contains("loss 'focal'") && p.Contains("'gamma'") && p.Contains("≥ 0"));
        Assert.Contains(problems, p => p.Contains("'alpha'") && p.Contains("1.5") && p.Contains("range"));
        Assert.Contains(problems, p => p.Contains("unknown option 'gama'") && p.Contains("alpha, gamma"));
        var mlp = StandardPlugins.Catalog.Get(PluginKind.Model, "mlp");
        problems.Clear();
        Assert.Null(mlp.Configure<LossLab.Abstractions.ModelPlugin>(new() { ["hidden"] = "wide" }, problems));
        Assert.Contains(problems, p => p.Contains("'hidden'") && p.Contains("list of integers"));
    }

    [Fact]
    public void Options_are_applied_to_a_fresh_instance()
    {
        var problems = new List<string>();
        var loss = StandardPlugins.Catalog.Get(PluginKind.Loss, "focal").Configure<LossLab.Abstractions.LossPlugin>(new() { ["gamma"] = 0.5 }, problems);
        Assert.Empty(problems);
        var values = StandardPlugins.Catalog.Get(PluginKind.Loss, "focal").OptionsOf(loss!);
        Assert.Equal(0.5, (double)values["gamma"]!);
        Assert.Equal(0.25, (double)values["alpha"]!);
    }

    [Fact]
    public void A_file_that_is_not_a_dotnet_assembly_is_reported_and_the_rest_still_load()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("notes.dll"), "this is not a PE file");
        GoodLoss(temp.Path, "GoodOne", "good-one");
        var catalog = new PluginDiscovery().Discover([temp.Path]);
        var failure = Assert.Single(catalog.Failures);
        Assert.EndsWith("notes.dll", failure.Source);
        Assert.Contains("not a .NET assembly", failure.Reason);
        Assert.NotNull(catalog.Find(PluginKind.Loss, "good-one"));
    }

    [Fact]
    public void An_assembly_with_no_plugin_types_is_reported()
    {
        using var temp = new TempFolder();
        PluginCompiler.Compile("JustALibrary", "public class Nothing { }", temp.Path);
        var failure = Assert.Single(new PluginDiscovery().Discover([temp.Path]).Failures);
        Assert.EndsWith("JustALibrary.dll", failure.Source);
        Assert.Contains("no LossLab plugin types", failure.Reason);
    }

    [Fact]
    public void A_plugin_whose_constructor_throws_is_reported_with_the_exception()
    {
        using var temp = new TempFolder();
        PluginCompiler.Compile("Throwing", Usings + """
            public sealed class ThrowingLoss : LossPlugin {
                public ThrowingLoss() { throw new System.InvalidOperationException("licence server unreachable"); }
                public override string Name => "throwing";
                public override string Description => "throws";
                public override Tensor Forward(Tensor logits, Tensor targets, ClassCounts counts) => logits;
            }
            """, temp.Path);
        GoodLoss(temp.Path, "GoodTwo", "good-two");
        var catalog = new PluginDiscovery().Discover([temp.Path]);
        var failure = Assert.Single(catalog.Failures);
        Assert.Contains("ThrowingLoss", failure.Reason);
        Assert.Contains("licence server unreachable", failure.Reason);
        Assert.NotNull(catalog.Find(PluginKind.Loss, "good-two"));
    }

    [Fact]
    public void A_plugin_with_a_missing_dependency_is_reported()
    {
        using var temp = new TempFolder();
        var elsewhere = temp.Sub("elsewhere");
        var dependency = PluginCompiler.Compile("SharedBase", Usings + """
            public abstract class VendorLossBase : LossPlugin { }
            """, elsewhere);
        var pluginFolder = temp.Sub("plugins");
        PluginCompiler.Compile("NeedsBase", Usings + """
            public sealed class VendorLoss : VendorLossBase {
                public override string Name => "vendor";
                public override string Description => "needs SharedBase.dll";
                public override Tensor Forward(Tensor logits, Tensor targets, ClassCounts counts) => logits;
            }
            """, pluginFolder, dependency);
        var failure = Assert.Single(new PluginDiscovery().Discover([pluginFolder]).Failures);
        Assert.EndsWith("NeedsBase.dll", failure.Source);
        Assert.Contains("SharedBase", failure.Reason);
    }

    [Fact]
    public void Two_plugins_with_the_same_kind_and_name_are_reported_and_the_first_is_kept()
    {
        using var temp = new TempFolder();
        var copy = GoodLoss(temp.Sub("a"), "First", "twin");
        GoodLoss(temp.Sub("b"), "Second", "twin");
        var catalog = new PluginDiscovery().Discover([temp.Path]);
        var failure = Assert.Single(catalog.Failures);
        Assert.Contains("loss 'twin'", failure.Reason);
        Assert.Contains(copy, failure.Reason);
        Assert.Equal(copy, catalog.Get(PluginKind.Loss, "twin").Source);
    }

    [Fact]
    public void A_plugin_name_that_is_not_kebab_case_is_reported()
    {
        using var temp = new TempFolder();
        GoodLoss(temp.Path, "Shouty", "My_Loss");
        Assert.Contains("not kebab-case", Assert.Single(new PluginDiscovery().Discover([temp.Path]).Failures).Reason);
    }

    [Fact]
    public void A_missing_plugin_is_named_with_the_ones_available()
    {
        var e = Assert.Throws<UnknownPluginException>(() => StandardPlugins.Catalog.Get(PluginKind.Loss, "dice"));
        Assert.Contains("no loss plugin named 'dice'", e.Message);
        Assert.Contains("bce, class-balanced, focal", e.Message);
    }

    [Fact]
    public void A_plugin_loaded_from_its_own_DLL_returns_host_tensors_that_autograd_flows_through()
    {
        using var temp = new TempFolder();
        GoodLoss(temp.Path, "Squared", "squared");
        var descriptor = new PluginDiscovery().Discover([temp.Path]).Get(PluginKind.Loss, "squared");
        var loss = descriptor.Configure<LossLab.Abstractions.LossPlugin>(null, []);
        var values = LossLab.Engine.Training.LossProbe.Evaluate(loss!, [1.0, -2.0], [1.0, 0.0], new(1, 1));
        Assert.Equal([1.0, 4.0], values.Loss);
        Assert.Equal([2.0, -4.0], values.Grad); // d(x²)/dx = 2x
    }

    private static string GoodLoss(string folder, string assembly, string name) =>
        PluginCompiler.Compile(assembly, Usings + $$"""
            public sealed class {{assembly}}Loss : LossPlugin {
                public override string Name => "{{name}}";
                public override string Description => "logit squared, for tests";
                public override Tensor Forward(Tensor logits, Tensor targets, ClassCounts counts) => logits * logits;
            }
            """, folder);
}
