namespace LossLab.Abstractions;

/// <summary>
/// What every plugin kind shares. Options are the plugin's public properties marked <see cref="OptionAttribute"/>;
/// the host reads their defaults from a fresh instance, sets them from the experiment file and validates them
/// before any training, so a plugin never parses or checks its own options.
/// </summary>
public interface IPlugin
{
    /// <summary>Kebab-case name used in experiment files, e.g. <c>weighted-bce</c>.</summary>
    string Name { get; }

    /// <summary>One line shown by <c>losslab plugins</c>.</summary>
    string Description { get; }

    /// <summary>Checks that involve several options at once; single-option ranges belong on <see cref="OptionAttribute"/>.</summary>
    IEnumerable<string> Validate() => [];
}
