using System.Collections;
using System.Reflection;
using System.Text.RegularExpressions;
using LossLab.Abstractions;
using LossLab.Plugins.Datasets;
using LossLab.Plugins.Losses;
using LossLab.Plugins.Models;
using Xunit;

namespace LossLab.Plugins.Tests;

/// <summary>What the host relies on when it discovers, describes and configures a plugin.</summary>
public sealed partial class PluginConventionTests
{
    private static readonly Type[] PluginTypes =
    [
        .. new[] { typeof(BceLoss), typeof(SyntheticDataset), typeof(LogisticModel) }
            .SelectMany(t => t.Assembly.GetExportedTypes())
            .Where(t => typeof(IPlugin).IsAssignableFrom(t) && !t.IsAbstract),
    ];

    private static readonly Type[] OptionTypes =
        [typeof(double), typeof(int), typeof(long), typeof(bool), typeof(string), typeof(int[]), typeof(double[]), typeof(double?), typeof(int?), typeof(long?), typeof(bool?)];

    public static TheoryData<string> Names => [.. PluginTypes.Select(t => t.Name)];

    private static IPlugin Create(string typeName) => (IPlugin)Activator.CreateInstance(PluginTypes.Single(t => t.Name == typeName))!;

    [Fact]
    public void The_standard_plugins_are_all_there_once()
    {
        var names = PluginTypes.Select(t => ((IPlugin)Activator.CreateInstance(t)!).Name).Order().ToArray();
        Assert.Equal(["asymmetric", "bce", "class-balanced", "cnn", "csv", "focal", "image-folder", "logistic", "mlp", "poly1", "resnet", "synthetic", "weighted-bce"], names);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Is_sealed_with_a_kebab_name_and_a_one_line_description(string typeName)
    {
        var type = PluginTypes.Single(t => t.Name == typeName);
        Assert.True(type.IsSealed);
        Assert.NotNull(type.GetConstructor(Type.EmptyTypes));
        var plugin = Create(typeName);
        Assert.Matches(KebabCase(), plugin.Name);
        Assert.InRange(plugin.Description.Length, 10, 120);
        Assert.DoesNotContain('\n', plugin.Description);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Options_are_settable_supported_and_their_defaults_pass_their_own_checks(string typeName)
    {
        var plugin = Create(typeName);
        var settable = plugin.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod?.IsPublic == true).ToArray();
        foreach (var property in settable)
        {
            var option = property.GetCustomAttribute<OptionAttribute>();
            Assert.True(option is not null, $"{typeName}.{property.Name} is settable but not an [Option]");
            Assert.Contains(property.PropertyType, OptionTypes);
            Assert.False(string.IsNullOrWhiteSpace(option.Description));
            var value = property.GetValue(plugin);
            var numbers = value switch
            {
                IEnumerable and not string => ((IEnumerable)value).Cast<object>().Select(Convert.ToDouble),
                double or int or long => [Convert.ToDouble(value)],
                _ => [],
            };
            foreach (var number in numbers)
            {
                Assert.False(number < option.Min, $"{typeName}.{property.Name} default {number} is below {option.Min}");
                Assert.False(option.MaxExclusive ? number >= option.Max : number > option.Max, $"{typeName}.{property.Name} default {number} is above {option.Max}");
            }
            if (option.Choices.Length > 0) Assert.Contains((string)value!, option.Choices);
        }
        var requiresInput = plugin is CsvDataset or ImageFolderDataset;
        Assert.Equal(requiresInput, plugin.Validate().Any());
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();
}
