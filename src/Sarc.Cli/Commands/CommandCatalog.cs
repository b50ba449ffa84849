using System.CommandLine;

namespace Sarc.Cli.Commands;

/// <summary>Every top-level command, in the order <c>sarc --help</c> lists them.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All(CliContext context) =>
    [
        RtCommand.Create(context),
        CoxCommand.Create(context),
    ];
}
