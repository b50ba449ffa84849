using System.Diagnostics;
using Sarc.Registry;
using Sarc.Registry.Audit;
using Sarc.Registry.Storage;
using Sarc.Testing;
using Xunit.Abstractions;

namespace Sarc.Trust.Tests.Crash;

/// <summary>
/// Crash safety, proven (issue 17): <c>sarc import --update</c> of a long-format registry runs as a child process and
/// kills itself with SIGKILL at a named point of the write path (<see cref="FaultPoints"/>, through
/// <c>SARC_CRASH_AT</c>): after reading the files, holding the lock, after the reads, after the first, middle and last
/// patient written, after the first, middle and last audit record, after the first and the last table's binary COPY
/// (PostgreSQL), just before and just after the commit. After each
/// kill the registry's export must be byte for byte the one before the import (every point before the commit) or the
/// one after it (after the commit), and its audit chain must verify, still holding the head recorded before.
/// </summary>
public abstract class CrashKillContract(ITestOutputHelper output) : IDisposable
{
    /// <summary>Patients in the registry before the import; the import replaces them all and adds as many again.</summary>
    private const int Before = 150;

    private readonly string folder = Directory.CreateTempSubdirectory("sarc-crash-").FullName;

    /// <summary>A temporary folder for this test, deleted after it.</summary>
    protected string Folder => folder;

    /// <summary>A new, empty registry's <c>--db</c> value.</summary>
    protected abstract string NewDatabase();

    /// <summary>Whether the store imports new patients by binary COPY, so that the COPY's points must be reached (and killed at).</summary>
    protected virtual bool Copies => false;

    [Fact]
    public void Import_KilledAtEveryNamedPoint_LeavesExactlyTheOldOrTheNewRegistry_WithAnIntactChain()
    {
        var old = SyntheticLongRegistry.WriteFolder(Path.Combine(folder, "old"), Before, seed: 1);
        var next = SyntheticLongRegistry.WriteFolder(Path.Combine(folder, "new"), 2 * Before, seed: 2);

        // The reference: the import run to its end in this process, counting the points it passes.
        var reference = Prepared(old);
        var oldExport = RegistrySnapshot.Export(reference);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        using (FaultPoints.Observe(p => counts[p] = counts.GetValueOrDefault(p) + 1))
        {
            var result = RegistryImporter.ImportFile(reference, next, update: true, new AuditContext("crash-test", TimeProvider.System));
            Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        }
        var newExport = RegistrySnapshot.Export(reference);
        Assert.NotEqual(oldExport, newExport);
        var (rows, audits) = (counts[FaultPoints.RowWritten], counts[FaultPoints.AuditWritten]);
        Assert.Equal(2 * Before, rows);
        Assert.Equal(Copies, counts.ContainsKey(FaultPoints.Copied));

        (string Point, bool Committed)[] points =
        [
            (FaultPoints.Parsed, false), (FaultPoints.Locked, false), (FaultPoints.Read, false),
            ($"{FaultPoints.RowWritten}:1", false), ($"{FaultPoints.RowWritten}:{rows / 2}", false), ($"{FaultPoints.RowWritten}:{rows}", false),
            ($"{FaultPoints.AuditWritten}:1", false), ($"{FaultPoints.AuditWritten}:{audits / 2}", false), ($"{FaultPoints.AuditWritten}:{audits}", false),
            // PostgreSQL's binary COPY (new patients' tables, then the audit records): after the first and the last.
            .. counts.TryGetValue(FaultPoints.Copied, out var copies)
                ? (IEnumerable<(string, bool)>)[($"{FaultPoints.Copied}:1", false), ($"{FaultPoints.Copied}:{copies}", false)]
                : [],
            (FaultPoints.BeforeCommit, false), (FaultPoints.Committed, true),
        ];
        var survived = 0;
        foreach (var (point, committed) in points)
        {
            var db = Prepared(old);
            AuditHead recorded;
            using (var store = RegistryStore.Open(db))
            {
                recorded = store.AuditHead()!;
            }

            RunKilled(db, next, point);

            var export = RegistrySnapshot.Export(db);
            Assert.True(export == (committed ? newExport : oldExport), $"{point}: the registry is not exactly the {(committed ? "new" : "old")} one");
            using (var store = RegistryStore.Open(db))
            {
                var verification = store.VerifyAudit(recorded);
                Assert.True(verification.IsIntact, $"{point}: {verification.Problem}");
            }
            survived++;
        }
        output.WriteLine($"{GetType().Name}: {points.Length} kill points tried, {survived} survived ({rows} patients, {audits} audit records written by the import)");
        Assert.Equal(points.Length, survived);
    }

    /// <summary>A new registry holding <paramref name="old"/>.</summary>
    private string Prepared(string old)
    {
        var db = NewDatabase();
        var result = RegistryImporter.ImportFile(db, old, update: false, new AuditContext("crash-test", TimeProvider.System));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        return db;
    }

    /// <summary>Runs <c>sarc import --update</c> in a child process that kills itself at <paramref name="point"/>.</summary>
    private static void RunKilled(string db, string path, string point)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in (string[])["exec", Path.Combine(AppContext.BaseDirectory, "sarc.dll"), "import", "--db", db, "--update", path])
        {
            start.ArgumentList.Add(a);
        }
        start.Environment["SARC_CRASH_AT"] = point;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill();
            throw new TimeoutException($"{point}: sarc import did not end in 120 s");
        }
        // 128 + 9: the process ended by SIGKILL, at the point, and not by an error of its own.
        Assert.True(process.ExitCode == 137, $"{point}: exit {process.ExitCode}, not killed: {stderr.Result}{stdout.Result}");
    }

    public void Dispose()
    {
        Directory.Delete(folder, recursive: true);
        GC.SuppressFinalize(this);
    }
}
