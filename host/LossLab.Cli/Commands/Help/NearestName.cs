using System.CommandLine;
using System.CommandLine.Parsing;

namespace LossLab.Cli.Commands.Help;

/// <summary>
/// "Did you mean …?" for a mistyped verb or option: the nearest known name by edit distance, when it is near enough
/// to be a typo (two edits, or a third of a long name's letters).
/// </summary>
internal static class NearestName
{
    /// <summary>
    /// Tokens that look like options ("--epochz") but name none: System.CommandLine takes them for an argument's value
    /// (an experiment file called "--epochz"), so they would fail later with a less helpful message.
    /// </summary>
    public static IReadOnlyList<string> UnknownOptions(ParseResult parse) =>
        parse.Tokens.Where(t => t.Type == TokenType.Argument && t.Value.StartsWith("--", StringComparison.Ordinal) && t.Value.Length > 2)
            .Select(t => t.Value).ToList();

    /// <summary>A suggestion for each token the parser did not match or took for a value though it looks like an option.</summary>
    public static IEnumerable<string> Suggestions(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        foreach (var token in parse.UnmatchedTokens.Concat(UnknownOptions(parse)).Distinct())
        {
            var candidates = token.StartsWith('-') ? OptionNames(command) : command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name);
            if (Nearest(token.Split('=')[0], candidates) is { } nearest)
                yield return $"'{token}' is not known here. Did you mean '{nearest}'?";
        }
    }

    public static string? Nearest(string typed, IEnumerable<string> candidates) =>
        candidates
            .Select(c => (Name: c, Distance: Distance(typed.ToLowerInvariant(), c.ToLowerInvariant())))
            .Where(c => c.Distance <= Math.Max(2, c.Name.TrimStart('-').Length / 3))
            .OrderBy(c => c.Distance).ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => c.Name).FirstOrDefault();

    /// <summary>The options usable on <paramref name="command"/>: its own and its ancestors' recursive ones.</summary>
    private static IEnumerable<string> OptionNames(Command command)
    {
        var options = command.Options.ToList();
        for (var parent = command.Parents.OfType<Command>().FirstOrDefault(); parent is not null; parent = parent.Parents.OfType<Command>().FirstOrDefault())
            options.AddRange(parent.Options.Where(o => o.Recursive));
        return options.Where(o => !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith("--", StringComparison.Ordinal)).Distinct();
    }

    /// <summary>Levenshtein distance (insertions, deletions, substitutions).</summary>
    internal static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            previous = current;
        }

        return previous[b.Length];
    }
}
