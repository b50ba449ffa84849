namespace Sarc.Cli;

/// <summary>Where a command writes: results to <see cref="Output"/>, messages and progress to <see cref="Error"/>. Injected so commands run in memory in tests.</summary>
public sealed class CliContext(TextWriter output, TextWriter error)
{
    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    /// <summary>
    /// True when progress may be drawn: stderr is a terminal and this is the real console (not a test's writer).
    /// Commands stay quiet otherwise, and always with --json.
    /// </summary>
    public bool CanShowProgress => ReferenceEquals(Error, Console.Error) && !Console.IsErrorRedirected;
}
