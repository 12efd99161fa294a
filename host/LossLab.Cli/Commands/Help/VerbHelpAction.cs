using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace LossLab.Cli.Commands.Help;

/// <summary>
/// System.CommandLine's help, followed by what it does not show: usage examples for the verb asked about, and the
/// exit codes. Installed on the root's help option, which every verb inherits.
/// </summary>
internal sealed class VerbHelpAction(HelpAction standard) : SynchronousCommandLineAction
{
    public static void Install(RootCommand root)
    {
        foreach (var help in root.Options.OfType<HelpOption>())
        {
            if (help.Action is HelpAction standard)
                help.Action = new VerbHelpAction(standard);
        }
    }

    public override int Invoke(ParseResult parseResult)
    {
        var code = standard.Invoke(parseResult);
        var output = parseResult.InvocationConfiguration.Output;
        var examples = VerbExamples.For(PathOf(parseResult.CommandResult.Command));
        if (examples.Count > 0)
        {
            output.WriteLine("Examples:");
            foreach (var example in examples) output.WriteLine($"  {example}");
            output.WriteLine();
        }

        output.WriteLine("Exit codes:");
        output.WriteLine($"  {ExitCodes.Success}  success");
        output.WriteLine($"  {ExitCodes.RuntimeFailure}  a run failed, diverged or was cancelled, or a runtime failure");
        output.WriteLine($"  {ExitCodes.BadInput}  bad usage or bad input (the message names the file, row, option or plugin)");
        output.WriteLine($"  {ExitCodes.GateFailed}  an acceptance gate failed (everything is still written)");
        output.WriteLine();
        return code;
    }

    /// <summary>"loss eval" for the eval verb under loss; "" for the root.</summary>
    internal static string PathOf(Command command)
    {
        var names = new List<string>();
        for (var c = command; c is not null and not RootCommand; c = c.Parents.OfType<Command>().FirstOrDefault())
            names.Insert(0, c.Name);
        return string.Join(' ', names);
    }
}
