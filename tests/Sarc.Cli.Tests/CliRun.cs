using System.Text.Json;

namespace Sarc.Cli.Tests;

/// <summary>Runs <c>sarc</c> in memory, as a user would from the shell, and keeps what it printed.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static CliRun Of(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = SarcApp.Run(args, output, error);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>The one JSON object a <c>--json</c> run printed; fails the test when the run did not succeed.</summary>
    public JsonElement Json()
    {
        Assert.True(ExitCode == 0, $"exit code {ExitCode}: {Error}");
        using var document = JsonDocument.Parse(Output);
        return document.RootElement.Clone();
    }

    /// <summary>Asserts the user-error convention: exit 2, one line on stderr containing <paramref name="fragment"/>, nothing on stdout, no stack trace.</summary>
    public void AssertUserError(string fragment)
    {
        Assert.Equal(2, ExitCode);
        Assert.Equal(string.Empty, Output);
        var lines = Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.Contains(fragment, lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", Error, StringComparison.Ordinal);
    }
}
