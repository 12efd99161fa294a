using System.Text.Json.Nodes;
using LossLab.Abstractions;

namespace LossLab.Engine.Plugins;

/// <summary>A discovered plugin: what it is, where it came from and which options it takes.</summary>
public sealed class PluginDescriptor(PluginKind kind, string name, string description, Type type, IReadOnlyList<OptionDescriptor> options, string source)
{
    private readonly Lazy<string> _sha256 = new(() => LossLab.Evaluation.FileHash.Of(source));

    public PluginKind Kind { get; } = kind;
    public string Name { get; } = name;
    public string Description { get; } = description;
    public Type Type { get; } = type;
    public IReadOnlyList<OptionDescriptor> Options { get; } = options;

    /// <summary>Full path of the DLL the plugin was loaded from.</summary>
    public string Source { get; } = source;

    public string Sha256 => _sha256.Value;

    public string Label => $"{Kind.Label()} '{Name}'";

    /// <summary>
    /// A fresh instance with <paramref name="options"/> applied and validated. Every problem (unknown option, wrong
    /// type, out of range, the plugin's own checks) is added to <paramref name="problems"/>, prefixed with
    /// <paramref name="context"/>; the instance is returned only when there were none.
    /// </summary>
    public T? Configure<T>(JsonObject? options, List<string> problems, string? context = null) where T : class, IPlugin
    {
        var prefix = context ?? Label;
        T instance;
        try
        {
            instance = (T)Activator.CreateInstance(Type)!;
        }
        catch (System.Reflection.TargetInvocationException e) when (e.InnerException is not null)
        {
            // The plugin's constructor threw: its exception, not reflection's wrapper, is what a user can act on.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
        var before = problems.Count;
        foreach (var (key, node) in options ?? [])
        {
            var option = Options.FirstOrDefault(o => o.Name == key);
            if (option is null)
            {
                var known = Options.Count == 0 ? "it takes no options" : "options: " + string.Join(", ", Options.Select(o => o.Name));
                problems.Add($"{prefix}: unknown option '{key}' ({known})");
                continue;
            }
            if (!OptionValues.TryConvert(node, option.Property.PropertyType, out var value, out var error))
            {
                problems.Add($"{prefix}: option '{key}' {error}");
                continue;
            }
            var rangeError = CheckRange(option, value);
            if (rangeError is not null)
            {
                problems.Add($"{prefix}: option '{key}' = {OptionValues.Format(value)} is out of range: {rangeError}");
                continue;
            }
            option.Property.SetValue(instance, value);
        }
        foreach (var option in Options.Where(o => o.Required && !Given(options, o.Name)))
            problems.Add($"{prefix}: option '{option.Name}' is required: {option.Description}");
        if (problems.Count == before)
            problems.AddRange(instance.Validate().Select(message => $"{prefix}: {message}"));
        return problems.Count == before ? instance : null;
    }

    /// <summary>Every option of a configured instance, as an experiment file writes it: the one form options take after binding.</summary>
    public JsonObject OptionsOf(IPlugin instance)
    {
        var json = new JsonObject();
        foreach (var option in Options) json[option.Name] = OptionValues.ToJson(option.Property.GetValue(instance));
        return json;
    }

    /// <summary>Whether <paramref name="options"/> gives <paramref name="name"/> a value: not null, not "" and not [].</summary>
    private static bool Given(JsonObject? options, string name) => options?[name] switch
    {
        null => false,
        JsonArray { Count: 0 } => false,
        JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.String => v.GetValue<string>().Length > 0,
        _ => true,
    };

    private static string? CheckRange(OptionDescriptor option, object? value)
    {
        if (value is null) return null;
        if (option.Choices.Count > 0)
            return value is string s && option.Choices.Contains(s) ? null : $"must be {option.Range}";
        IEnumerable<double> numbers = value switch
        {
            double d => [d],
            int i => [i],
            long l => [l],
            int[] a => a.Select(x => (double)x),
            double[] a => a,
            _ => [],
        };
        foreach (var x in numbers)
        {
            if (double.IsNaN(x)) return "must be a number, not NaN";
            var belowMin = !double.IsNaN(option.Min) && x < option.Min;
            var aboveMax = !double.IsNaN(option.Max) && (option.MaxExclusive ? x >= option.Max : x > option.Max);
            if (belowMin || aboveMax) return $"allowed range is {option.Range}";
        }
        return null;
    }
}
