using System.Diagnostics;
using System.Globalization;

namespace Sarc.Registry.Storage;

/// <summary>
/// Named points on the write path where the crash-safety tests stop an import the hard way. With the environment
/// variable <c>SARC_CRASH_AT=POINT</c> or <c>POINT:N</c>, the process kills itself with SIGKILL the N-th time (default
/// the first) it reaches POINT — no finally block, no rollback, no flush: what a power cut or <c>kill -9</c> leaves.
/// In-process tests observe (and may pause) the same points through <see cref="Observe"/>. Unset, a point costs one
/// comparison.
/// </summary>
internal static class FaultPoints
{
    /// <summary>The import's files are read and valid; no database is open yet.</summary>
    public const string Parsed = "parsed";

    /// <summary>The write transaction holds the registry's write lock; nothing is written yet.</summary>
    public const string Locked = "locked";

    /// <summary>What the change needs from the registry (stored patients, versions) is read under the lock.</summary>
    public const string Read = "read";

    /// <summary>One patient's rows are written (queued or streamed into a COPY, on PostgreSQL).</summary>
    public const string RowWritten = "row";

    /// <summary>One audit record is written (streamed into a COPY, on PostgreSQL).</summary>
    public const string AuditWritten = "audit";

    /// <summary>One table's binary COPY of new patients' rows, or of the audit records, is complete (PostgreSQL).</summary>
    public const string Copied = "copied";

    /// <summary>Every row is sent to the database; the transaction is about to commit.</summary>
    public const string BeforeCommit = "commit";

    /// <summary>The transaction has committed.</summary>
    public const string Committed = "committed";

    /// <summary>Every point, in the order an import reaches them.</summary>
    public static readonly IReadOnlyList<string> All = [Parsed, Locked, Read, RowWritten, Copied, AuditWritten, BeforeCommit, Committed];

    private static readonly (string Point, int Count)? Crash = ParseCrash(Environment.GetEnvironmentVariable("SARC_CRASH_AT"));
    private static readonly AsyncLocal<Action<string>?> Observer = new();
    private static int reached;

    /// <summary>Calls <paramref name="observer"/> at every point reached by this flow of execution (and what it starts) until disposed.</summary>
    public static IDisposable Observe(Action<string> observer)
    {
        Observer.Value = observer;
        return new Reset();
    }

    /// <summary>Marks <paramref name="point"/> as reached.</summary>
    public static void Reach(string point)
    {
        Observer.Value?.Invoke(point);
        if (Crash is { } crash && string.Equals(crash.Point, point, StringComparison.Ordinal) && Interlocked.Increment(ref reached) == crash.Count)
        {
            // Process.Kill sends SIGKILL on Unix: nothing after this line runs.
            Process.GetCurrentProcess().Kill();
        }
    }

    private static (string, int)? ParseCrash(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? (value.Trim(), 1)
            : (value[..colon].Trim(), int.TryParse(value[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 1);
    }

    private sealed class Reset : IDisposable
    {
        public void Dispose() => Observer.Value = null;
    }
}
