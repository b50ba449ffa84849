using System.Diagnostics;

namespace Sarc.Cli.Output;

/// <summary>
/// One self-overwriting status line on stderr for work that takes more than a moment (an import of many patients).
/// Created only when <see cref="CliContext.CanShowProgress"/> and not <c>--json</c>, so redirected output, tests and
/// scripts never see it. Redrawn at most ten times a second; erased when disposed, so the command's own result line
/// is the only thing left on the terminal.
/// </summary>
internal sealed class TerminalProgress : IDisposable
{
    private static readonly TimeSpan RedrawInterval = TimeSpan.FromMilliseconds(100);

    private readonly TextWriter _error;
    private readonly Stopwatch _sinceRedraw = Stopwatch.StartNew();
    private int _drawnWidth;

    internal TerminalProgress(TextWriter error) => _error = error;

    /// <summary>A progress line for <paramref name="context"/>, or null when progress must not be drawn.</summary>
    public static TerminalProgress? Start(CliContext context, bool json) =>
        context.CanShowProgress && !json ? new TerminalProgress(context.Error) : null;

    /// <summary>An <see cref="IProgress{T}"/> that draws each report as <paramref name="describe"/> words it (synchronously, unlike <see cref="Progress{T}"/>).</summary>
    public IProgress<T> For<T>(Func<T, string> describe) => new Reporter<T>(this, describe);

    /// <summary>Redraws the line with <paramref name="text"/>, unless it was redrawn less than 0.1 s ago (counts move fast).</summary>
    public void Show(string text)
    {
        if (_drawnWidth > 0 && _sinceRedraw.Elapsed < RedrawInterval)
        {
            return;
        }
        Draw(text);
    }

    /// <summary>Draws the start of a new stage at once: a stage may last long, so its name must not be dropped.</summary>
    public void Stage(string text) => Draw(text);

    private void Draw(string text)
    {
        _sinceRedraw.Restart();
        var padding = Math.Max(0, _drawnWidth - text.Length);
        _error.Write("\r" + text + new string(' ', padding));
        _error.Flush();
        _drawnWidth = text.Length;
    }

    public void Dispose()
    {
        if (_drawnWidth > 0)
        {
            _error.Write("\r" + new string(' ', _drawnWidth) + "\r");
            _error.Flush();
        }
    }

    private sealed class Reporter<T>(TerminalProgress terminal, Func<T, string> describe) : IProgress<T>
    {
        public void Report(T value) => terminal.Show(describe(value));
    }
}
