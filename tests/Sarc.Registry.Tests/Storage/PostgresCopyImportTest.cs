using Sarc.Registry.Audit;
using Sarc.Registry.LongFormat;
using Sarc.Registry.Storage;
using Sarc.Testing;

namespace Sarc.Registry.Tests.Storage;

/// <summary>
/// The PostgreSQL import by binary COPY (issue 18) against the row-by-row path it replaces for new patients, on a real
/// server: the same batch imported both ways into two databases must leave the same long export, byte for byte, the
/// same row versions and the same audit records with the same hash chain; and a COPY that fails part-way keeps nothing.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresCopyImportTest(PostgresServer server) : IDisposable
{
    private static readonly AuditContext Audit = new("ana", new FixedClock(), "Nachtrag für die Studie, \"Kohorte 2\"\nzweite Zeile");

    private readonly string folder = Directory.CreateTempSubdirectory("sarc-copy-").FullName;

    [Fact]
    public void Import_NewPatientsByCopy_LeavesTheSameRegistryAndChainAsRowByRow()
    {
        var data = Registry("new", 300, seed: 3);

        var (copy, rows) = (Imported(copy: true, data, update: false), Imported(copy: false, data, update: false));

        AssertSame(copy, rows, added: 300);
    }

    [Fact]
    public void Import_UpdateMixingStoredAndNewPatients_LeavesTheSameRegistryAndChainAsRowByRow()
    {
        var old = Registry("old", 120, seed: 1);
        var next = Registry("next", 240, seed: 2);
        string Prepared(bool copy)
        {
            var db = server.CreateDatabase();
            using var store = Open(db, copy: false);
            Assert.True(RegistryImporter.ImportFile(store, old, update: false, Audit).Succeeded);
            return db;
        }
        var (copy, rows) = (Prepared(copy: true), Prepared(copy: false));

        AssertSame(Imported(copy: true, next, update: true, copy), Imported(copy: false, next, update: true, rows), added: 240);
        using var store = Open(copy, copy: true);
        Assert.Contains(store.LoadPatients(), r => r.Version == 2);
    }

    [Fact]
    public void Import_FailingInsideAnOpenCopy_KeepsNothing_AndTheStoreStaysUsable()
    {
        var db = Imported(copy: true, Registry("old", 50, seed: 1), update: false);
        var before = Snapshot(db);
        var next = Registry("next", 100, seed: 2);
        using var store = Open(db, copy: true);
        var copiedTables = 0;
        using (FaultPoints.Observe(point =>
        {
            copiedTables += point == FaultPoints.Copied ? 1 : 0;
            // Rows of the last table (follow-up contacts) are streaming: the COPY is open when this throws.
            if (point == FaultPoints.RowWritten && copiedTables == PatientRowWriter.Tables.Count - 1)
            {
                throw new InvalidOperationException("cut");
            }
        }))
        {
            Assert.Throws<InvalidOperationException>(() => RegistryImporter.ImportFile(store, next, update: true, Audit));
        }

        Assert.Equal(before, Snapshot(db));
        Assert.True(RegistryImporter.ImportFile(store, next, update: true, Audit).Succeeded);
        Assert.Equal(100, store.CountPatients());
        Assert.True(store.VerifyAudit().IsIntact);
    }

    [Fact]
    public void Import_FailingBetweenTwoCopies_KeepsNothing()
    {
        var db = Imported(copy: true, Registry("old", 50, seed: 1), update: false);
        var before = Snapshot(db);
        using (var store = Open(db, copy: true))
        using (FaultPoints.Observe(point =>
        {
            if (point == FaultPoints.Copied)
            {
                throw new InvalidOperationException("cut");
            }
        }))
        {
            Assert.Throws<InvalidOperationException>(() => RegistryImporter.ImportFile(store, Registry("next", 100, seed: 2), update: true, Audit));
        }

        Assert.Equal(before, Snapshot(db));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static void AssertSame(string copy, string rows, int added)
    {
        Assert.Equal(Snapshot(rows), Snapshot(copy));
        using var a = Open(copy, copy: true);
        using var b = Open(rows, copy: false);
        Assert.Equal(b.LoadPatients().Select(r => (r.Id, r.Version)), a.LoadPatients().Select(r => (r.Id, r.Version)));
        // The summaries kept on the patient rows (migration 8) are the records' through COPY as row by row.
        RegistryStoreContract.AssertSummariesAreTheRecords(a);
        Assert.Equal(b.Summaries(PatientFilter.All), a.Summaries(PatientFilter.All));
        var (copyAudit, rowAudit) = (a.ReadAudit(), b.ReadAudit());
        Assert.Equal(added, copyAudit.Count(e => e.Action == AuditAction.Insert && e.Entity == "patient"));
        // Every field, ids, times and both hashes included: the same records in the same order, so the same chain.
        Assert.Equal(rowAudit, copyAudit);
        Assert.Equal(b.AuditHead(), a.AuditHead());
        var verification = a.VerifyAudit(b.AuditHead());
        Assert.True(verification.IsIntact, verification.Problem);
    }

    /// <summary>A new database with <paramref name="data"/> imported by one path, or <paramref name="data"/> imported into <paramref name="db"/>.</summary>
    private string Imported(bool copy, string data, bool update, string? db = null)
    {
        db ??= server.CreateDatabase();
        using var store = Open(db, copy);
        var result = RegistryImporter.ImportFile(store, data, update, Audit);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        return db;
    }

    private static SqlRegistryStore Open(string db, bool copy) => new(PostgresDatabase.Open(db, copy));

    /// <summary>The long export of every patient, the six files one after another.</summary>
    private static string Snapshot(string db)
    {
        using var store = Open(db, copy: false);
        var records = store.LoadPatients();
        var text = new StringWriter();
        foreach (var file in LongFiles.All)
        {
            text.Write($"== {file.Name}\n");
            LongFormatWriter.WriteCsv(records, file, text);
        }
        return text.ToString() + string.Join("\n", store.ReadAudit().Select(e => e.Sha256));
    }

    /// <summary>A synthetic long-format registry, with one regimen that needs quoting and is not ASCII.</summary>
    private string Registry(string name, int patients, int seed)
    {
        var path = SyntheticLongRegistry.WriteFolder(Path.Combine(folder, name), patients, seed);
        var systemic = File.ReadAllLines(Path.Combine(path, "systemic.csv"));
        var cells = systemic[1].Split(',');
        cells[1] = "\"Doxorubicin + Ifosfamid (\"\"AI\"\", ä→ö)\"";
        systemic[1] = string.Join(',', cells);
        File.WriteAllLines(Path.Combine(path, "systemic.csv"), systemic);
        return path;
    }
}
