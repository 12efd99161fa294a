using System.Reflection;
using System.Text;
using LossLab.Abstractions;

namespace LossLab.Engine.Plugins;

/// <summary>Reads a plugin type's options (public settable properties with <see cref="OptionAttribute"/>).</summary>
public static class OptionSchema
{
    private static readonly Dictionary<Type, string> TypeNames = new()
    {
        [typeof(double)] = "number", [typeof(int)] = "integer", [typeof(long)] = "integer", [typeof(bool)] = "boolean",
        [typeof(string)] = "string", [typeof(int[])] = "integer[]", [typeof(double[])] = "number[]",
    };

    /// <param name="defaults">A fresh instance, whose property values are the defaults.</param>
    public static IReadOnlyList<OptionDescriptor> Read(Type pluginType, object defaults)
    {
        var options = new List<OptionDescriptor>();
        foreach (var property in pluginType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var attribute = property.GetCustomAttribute<OptionAttribute>();
            if (attribute is null) continue;
            if (!property.CanWrite || property.SetMethod?.IsPublic != true)
                throw new InvalidOperationException($"option property {pluginType.Name}.{property.Name} must have a public setter");
            var typeName = TypeName(property.PropertyType)
                ?? throw new InvalidOperationException($"option {pluginType.Name}.{property.Name} has unsupported type {property.PropertyType.Name}");
            options.Add(new OptionDescriptor(
                attribute.Name ?? SnakeCase(property.Name), typeName, property.GetValue(defaults), attribute.Description,
                attribute.Min, attribute.Max, attribute.MaxExclusive, attribute.Choices, property) { Required = attribute.Required });
        }
        return options;
    }

    public static string? TypeName(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        if (underlying is not null) return TypeNames.TryGetValue(underlying, out var n) ? n + "?" : null;
        return TypeNames.GetValueOrDefault(type);
    }

    /// <summary>PositiveWeight → positive_weight; GammaNeg → gamma_neg.</summary>
    public static string SnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
                sb.Append('_');
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }
}
