using System.Text.Json;

namespace Sarc.Cli.Output;

/// <summary>
/// The end every statistics command shares, written once: its warnings on stderr (<c>sarc COMMAND: warning: ...</c>),
/// then exactly one JSON object with <c>--json</c> or the readable tables without, and the success exit code.
/// </summary>
internal static class CommandOutput
{
    /// <summary>Prints the result of <paramref name="command"/> and returns <see cref="SarcApp.Success"/>.</summary>
    public static int Print(CliContext context, string command, bool json, IEnumerable<string> warnings,
        Action<Utf8JsonWriter> writeJson, Action<TextWriter> writeReadable)
    {
        foreach (var warning in warnings)
        {
            context.Error.WriteLine($"sarc {command}: warning: {warning}");
        }
        if (json)
        {
            JsonOutput.Write(context.Output, writeJson);
        }
        else
        {
            writeReadable(context.Output);
        }
        return SarcApp.Success;
    }
}
