namespace Sarc.Cli;

/// <summary>Where a command writes: results to <see cref="Output"/>, messages and progress to <see cref="Error"/>. Injected so commands run in memory in tests.</summary>
public sealed class CliContext(TextWriter output, TextWriter error)
{
    /// <summary>Where results go (stdout): nothing else is written here, and nothing at all when a command fails with a user error.</summary>
    public TextWriter Output { get; } = output;

    /// <summary>Where messages, warnings and progress go (stderr).</summary>
    public TextWriter Error { get; } = error;

    /// <summary>
    /// True when progress may be drawn: stderr is a terminal and this is the real console (not a test's writer).
    /// Commands stay quiet otherwise, and always with --json.
    /// </summary>
    public bool CanShowProgress => ReferenceEquals(Error, Console.Error) && !Console.IsErrorRedirected;
}
