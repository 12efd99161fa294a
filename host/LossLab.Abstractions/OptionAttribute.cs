namespace LossLab.Abstractions;

/// <summary>
/// Marks a public settable property of a plugin as an option. Supported types: double, int, long, bool, string,
/// int[] and double[], and their nullable forms (null means "not given"). The option name defaults to the
/// property name in snake_case (<c>PositiveWeight</c> → <c>positive_weight</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class OptionAttribute(string description) : Attribute
{
    public string Description { get; } = description;

    /// <summary>Overrides the snake_case name derived from the property.</summary>
    public string? Name { get; init; }

    /// <summary>Inclusive lower bound for numbers (and for each element of a numeric array); NaN means none.</summary>
    public double Min { get; init; } = double.NaN;

    /// <summary>Upper bound for numbers (and array elements); NaN means none. Inclusive unless <see cref="MaxExclusive"/>.</summary>
    public double Max { get; init; } = double.NaN;

    public bool MaxExclusive { get; init; }

    /// <summary>Allowed values for a string option; empty means any string.</summary>
    public string[] Choices { get; init; } = [];

    /// <summary>
    /// The experiment must give this option: its default (often "") is a placeholder, not a value. Binding a plugin
    /// without it, or with null or an empty string or list, is an error naming the plugin and the option, and
    /// <c>losslab plugins</c> shows it as required.
    /// </summary>
    public bool Required { get; init; }
}
