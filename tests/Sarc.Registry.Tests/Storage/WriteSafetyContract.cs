using Sarc.Registry.Audit;
using Sarc.Registry.Domain;
using Sarc.Registry.Import;
using Sarc.Registry.Storage;
using Sarc.Registry.Template;

namespace Sarc.Registry.Tests.Storage;

/// <summary>
/// What concurrent writers and someone editing the database behind sarc's back must not be able to do, run on SQLite
/// and on a real PostgreSQL server (issue 17): move a patient across centers through a stale check, audit an old value
/// that another writer already replaced, overwrite a change made since a form was opened, or alter the audit trail
/// without <see cref="IRegistryStore.VerifyAudit"/> naming the first entry that no longer holds.
/// </summary>
public abstract class WriteSafetyContract
{
    private static readonly AuditContext Cli = new("cli", new FixedClock());
    private static readonly AuditContext Web = new("web@c1", new FixedClock());

    /// <summary>A new, empty registry: its <c>--db</c> value (each <see cref="RegistryStore.Open"/> is one connection).</summary>
    protected abstract string NewDatabase();

    /// <summary>Runs <paramref name="sql"/> on <paramref name="db"/> directly, as someone with the database's password would.</summary>
    protected abstract void Tamper(string db, string sql);

    [Fact]
    public void Import_UpdateOfAPatientStoredForAnotherCenter_IsRefusedAndTheCenterStays()
    {
        var db = NewDatabase();
        using var store = RegistryStore.Open(db);
        // The CLI (all centers) stored P1 for C2 after the web user's page was built, so no cached copy knows it.
        Assert.True(store.Import(Rows(new TemplateText().Add("P1", ("center", "C2"))), update: false, Cli, null).Succeeded);

        var result = store.Import(Batch(new TemplateText().Add("P1", ("center", "C1"), ("grade", "1")), centers: ["C1"]), update: true, Web, null);

        Assert.Equal("line 2: patient_id: 'P1' cannot be used", Assert.Single(result.Errors).ToString());
        var p1 = Assert.Single(store.LoadPatients());
        Assert.Equal(("C2", FnclccGrade.G3), (p1.Patient.Center, p1.Tumor.Grade));
    }

    [Fact]
    public void Import_RowForACenterNotTheUsers_IsRefused()
    {
        using var store = RegistryStore.Open(NewDatabase());

        var result = store.Import(Batch(new TemplateText().Add("P1", ("center", "C2")), centers: ["C1"]), update: true, Web, null);

        Assert.Equal("line 2: center: 'C2' is not one of your centers", Assert.Single(result.Errors).ToString());
        Assert.Equal(0, store.CountPatients());
    }

    [Fact]
    public void Import_RacingAnotherCentersInsertOfTheSameId_NeverMovesThePatient()
    {
        var db = NewDatabase();
        using (var first = RegistryStore.Open(db))
        {
            Assert.True(first.Import(Rows(new TemplateText().Add("P0")), false, Cli, null).Succeeded);
        }
        // The CLI inserts P1 for C2 and waits, holding the write lock, until the web import for C1 has started.
        using var cliHolds = new ManualResetEventSlim();
        using var webStarted = new ManualResetEventSlim();
        ImportResult? cli = null, web = null;
        var cliThread = new Thread(() =>
        {
            using var store = RegistryStore.Open(db);
            using var observe = FaultPoints.Observe(point =>
            {
                if (point == FaultPoints.BeforeCommit)
                {
                    cliHolds.Set();
                    webStarted.Wait(TimeSpan.FromSeconds(10));
                    Thread.Sleep(200);
                }
            });
            cli = store.Import(Rows(new TemplateText().Add("P1", ("center", "C2"))), update: false, Cli, null);
        });
        cliThread.Start();
        Assert.True(cliHolds.Wait(TimeSpan.FromSeconds(20)));
        using (var store = RegistryStore.Open(db))
        {
            webStarted.Set();
            web = store.Import(Batch(new TemplateText().Add("P1", ("center", "C1")), centers: ["C1"]), update: true, Web, null);
        }
        cliThread.Join();

        Assert.True(cli!.Succeeded);
        Assert.Equal("line 2: patient_id: 'P1' cannot be used", Assert.Single(web!.Errors).ToString());
        using var check = RegistryStore.Open(db);
        Assert.Equal("C2", check.LoadPatients().Single(r => r.Id == "P1").Patient.Center);
        Assert.True(check.VerifyAudit().IsIntact);
    }

    [Fact]
    public void Import_TwoConcurrentUpdates_EachAuditsTheValueItReplaced()
    {
        var db = NewDatabase();
        using (var store = RegistryStore.Open(db))
        {
            Assert.True(store.Import(Rows(new TemplateText().Add("P1", ("center", "MUC"))), false, Cli, null).Succeeded);
        }
        // The first update has read P1 and waits; the second starts then. Without one lock over read and write, the
        // second read MUC too and both audited MUC -> their value (issue 17).
        using var firstRead = new ManualResetEventSlim();
        ImportResult? a = null, b = null;
        var first = new Thread(() =>
        {
            using var store = RegistryStore.Open(db);
            using var observe = FaultPoints.Observe(point =>
            {
                if (point == FaultPoints.Read)
                {
                    firstRead.Set();
                    Thread.Sleep(400);
                }
            });
            a = store.Import(Rows(new TemplateText().Add("P1", ("center", "BER"))), update: true, Cli, null);
        });
        first.Start();
        Assert.True(firstRead.Wait(TimeSpan.FromSeconds(20)));
        using (var store = RegistryStore.Open(db))
        {
            b = store.Import(Rows(new TemplateText().Add("P1", ("center", "PAR"))), update: true, Cli, null);
        }
        first.Join();

        Assert.True(a!.Succeeded && b!.Succeeded);
        using var check = RegistryStore.Open(db);
        Assert.Equal(
            [("MUC", "BER"), ("BER", "PAR")],
            check.ReadAudit("P1").Where(e => e.Field == "center").Select(e => (e.OldValue!, e.NewValue!)));
        Assert.Equal("PAR", check.LoadPatients()[0].Patient.Center);
        Assert.True(check.VerifyAudit().IsIntact);
    }

    [Fact]
    public void Import_RowOpenedAtAnOlderVersion_IsRefusedNamingWhoChangedItAndWhen()
    {
        using var store = RegistryStore.Open(NewDatabase());
        store.Import(Rows(new TemplateText().Add("P1")), false, Cli, null);
        var opened = store.LoadPatients()[0];
        Assert.Equal(1, opened.Version);
        var bob = new AuditContext("bob", new FixedClock(FixedClock.Instant.AddHours(2)));
        Assert.True(store.Import(Rows(new TemplateText().Add("P1", ("grade", "2")), opened.Version), update: true, bob, null).Succeeded);
        Assert.Equal(2, store.LoadPatients()[0].Version);

        var stale = store.Import(Rows(new TemplateText().Add("P1", ("grade", "1")), opened.Version), update: true, Web, null);

        var error = Assert.Single(stale.Errors);
        Assert.Equal(ImportErrorKind.ChangedSinceOpened, error.Kind);
        Assert.Equal(
            $"line 2: patient_id: 'P1' was changed by bob at {FixedClock.Instant.AddHours(2):yyyy-MM-dd HH:mm:ss} UTC since you opened it (version 1, now 2); nothing was saved",
            error.ToString());
        Assert.Equal(FnclccGrade.G2, store.LoadPatients()[0].Tumor.Grade);
    }

    [Fact]
    public void Import_UnchangedRow_KeepsTheVersion_AndEachChangeAddsOne()
    {
        using var store = RegistryStore.Open(NewDatabase());
        store.Import(Rows(new TemplateText().Add("P1").Add("P2")), false, Cli, null);
        store.Import(Rows(new TemplateText().Add("P1").Add("P2", ("grade", "1"))), true, Cli, null);
        store.Import(Rows(new TemplateText().Add("P2", ("grade", "2"))), true, Cli, null);

        Assert.Equal([("P1", 1), ("P2", 3)], store.LoadPatients().Select(r => (r.Id, r.Version)));
    }

    [Fact]
    public void VerifyAudit_UntouchedTrail_IsIntactWithItsHead()
    {
        var db = Trail();
        using var store = RegistryStore.Open(db);
        var audit = store.ReadAudit();

        var verification = store.VerifyAudit(store.AuditHead());

        Assert.True(verification.IsIntact, verification.Problem);
        Assert.Equal(audit.Count, verification.Entries);
        Assert.Equal(new AuditHead(audit[^1].Id, audit[^1].Sha256!), verification.Head);
        Assert.Equal(AuditChain.Genesis, audit[0].PreviousSha256);
        Assert.All(audit.Skip(1).Zip(audit), p => Assert.Equal(p.Second.Sha256, p.First.PreviousSha256));
    }

    [Theory]
    [InlineData("UPDATE audit SET new_value = '1' WHERE id = 3", 3, "audit entry 3 was changed: its content no longer matches its hash")]
    [InlineData("UPDATE audit SET who = 'mallory' WHERE id = 1", 1, "audit entry 1 was changed")]
    [InlineData("UPDATE audit SET reason = 'typo' WHERE id = 4", 4, "audit entry 4 was changed")]
    [InlineData("DELETE FROM audit WHERE id = 3", 4, "audit entry 4 does not follow entry 2: an entry between them was deleted")]
    [InlineData("DELETE FROM audit WHERE id = 1", 2, "audit entry 2 is the first entry but follows another: an entry before it was deleted")]
    public void VerifyAudit_EditedBehindSarcsBack_NamesTheFirstEntryThatNoLongerHolds(string sql, long brokenAt, string problem)
    {
        var db = Trail();
        Tamper(db, sql);
        using var store = RegistryStore.Open(db);

        var verification = store.VerifyAudit();

        Assert.False(verification.IsIntact);
        Assert.Equal(brokenAt, verification.BrokenAt);
        Assert.StartsWith(problem, verification.Problem);
    }

    [Fact]
    public void VerifyAudit_TwoEntriesSwapped_IsOutOfOrder()
    {
        var db = Trail();
        // Swap the contents (and hashes) of entries 2 and 3, as a reordering of rows would (PostgreSQL's identity id
        // cannot be updated, so every other column moves).
        string[] columns = ["at", "who", "action", "patient_id", "entity", "field", "old_value", "new_value", "source_file", "source_sha256", "reason", "item", "prev_sha256", "sha256"];
        Tamper(db, "CREATE TEMP TABLE swapped AS SELECT * FROM audit WHERE id IN (2, 3); UPDATE audit SET "
            + string.Join(", ", columns.Select(c => $"{c} = (SELECT s.{c} FROM swapped s WHERE s.id = 5 - audit.id)"))
            + " WHERE id IN (2, 3)");
        using var store = RegistryStore.Open(db);

        var verification = store.VerifyAudit();

        Assert.Equal((false, 2L), (verification.IsIntact, verification.BrokenAt));
        Assert.Equal("audit entry 2 is out of order: it follows entry 3 in the chain", verification.Problem);
    }

    [Fact]
    public void VerifyAudit_TailTruncated_IsIntactAlone_ButNotAgainstTheRecordedHead()
    {
        var db = Trail();
        AuditHead head;
        using (var store = RegistryStore.Open(db))
        {
            head = store.AuditHead()!;
        }
        Tamper(db, $"DELETE FROM audit WHERE id >= {head.Id - 1}");
        using var again = RegistryStore.Open(db);

        Assert.True(again.VerifyAudit().IsIntact);
        var verification = again.VerifyAudit(head);
        Assert.Equal((false, head.Id), (verification.IsIntact, verification.BrokenAt));
        Assert.Equal($"the recorded head {head} is missing: the chain ends at entry {head.Id - 2}, so entries were removed from its end", verification.Problem);
    }

    [Fact]
    public void VerifyAudit_ChainRewrittenFromAnEntryOn_DoesNotMatchTheRecordedHead()
    {
        var db = Trail();
        AuditHead head;
        using (var store = RegistryStore.Open(db))
        {
            head = store.AuditHead()!;
        }
        // Someone who knows the scheme rehashes the chain after a change: only a head kept elsewhere shows it.
        Tamper(db, $"UPDATE audit SET sha256 = '{new string('f', 64)}' WHERE id = {head.Id}");
        using var again = RegistryStore.Open(db);

        var verification = again.VerifyAudit(head);

        Assert.False(verification.IsIntact);
        Assert.Equal(head.Id, verification.BrokenAt);
    }

    [Fact]
    public void Audit_ConcurrentWriters_DoNotForkTheChain()
    {
        var db = NewDatabase();
        using (var store = RegistryStore.Open(db))
        {
        }
        var threads = Enumerable.Range(0, 6).Select(t => new Thread(() =>
        {
            using var store = RegistryStore.Open(db);
            for (var i = 0; i < 5; i++)
            {
                Assert.True(store.Import(Rows(new TemplateText().Add($"T{t}-{i}")), false, Cli, null).Succeeded);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        using var check = RegistryStore.Open(db);
        var verification = check.VerifyAudit();
        Assert.True(verification.IsIntact, verification.Problem);
        Assert.Equal(30, verification.Entries);
        Assert.Equal(30, check.ReadAudit().Select(e => e.PreviousSha256).Distinct().Count());
    }

    /// <summary>A registry with a trail of five entries: 1 and 2 insert P1 and P2, 3 and 4 update P1's grade and margin, 5 deletes P2.</summary>
    private string Trail()
    {
        var db = NewDatabase();
        using var store = RegistryStore.Open(db);
        store.Import(Rows(new TemplateText().Add("P1").Add("P2")), false, Cli, null);
        store.Import(Rows(new TemplateText().Add("P1", ("grade", "2"), ("margin", "R1"))), true, new AuditContext("bob", new FixedClock(), "review"), null);
        store.DeletePatient("P2", Cli);
        Assert.Equal(5, store.ReadAudit().Count);
        return db;
    }

    private static IReadOnlyList<ImportRow> Rows(TemplateText text, int? openedVersion = null)
    {
        var parsed = TemplateText.Parse(text.Csv());
        Assert.Empty(parsed.Errors);
        return [.. parsed.Rows.Select(r => r with { OpenedVersion = openedVersion })];
    }

    private static ImportBatch Batch(TemplateText text, string[] centers) =>
        ImportBatch.Of(Rows(text)) with { WritableCenters = new HashSet<string>(centers, StringComparer.Ordinal) };
}
