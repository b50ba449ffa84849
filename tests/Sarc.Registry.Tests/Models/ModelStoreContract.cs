using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Sarc.Data;
using Sarc.Registry.Audit;
using Sarc.Registry.Models;
using Sarc.Registry.Storage;

namespace Sarc.Registry.Tests.Models;

/// <summary>
/// The registered models' table, the same on SQLite and PostgreSQL: registering per center or for all, the name unique
/// per center, what a center's patients get, unregistering, and the audit record of every change (who, when, why, the
/// model) written in the change's transaction.
/// </summary>
public abstract class ModelStoreContract
{
    private const string Model = "sarc_model: 1\nkind: cox\n# a model file's text is kept as given, comments and all\n";

    private static readonly DateTimeOffset Now = new(2026, 3, 4, 10, 30, 0, TimeSpan.Zero);

    /// <summary>A --db value of a new, empty registry.</summary>
    protected abstract string NewRegistry();

    /// <summary>A connection to <paramref name="db"/> bypassing the store.</summary>
    protected abstract DbConnection Connect(string db);

    private static AuditContext Audit(string reason = "validated on our cohort") => new("dm@example.org", new FixedClock(Now), reason);

    [Fact]
    public void Register_ThenList_KeepsTheTextItsHashAndWhoAndWhen()
    {
        var db = NewRegistry();
        var models = ModelStore.Open(db);

        var stored = models.Register(" OS nomogram ", null, Model, "{\"n\": 1}", Audit());

        var listed = Assert.Single(models.List());
        Assert.Equal(stored, listed);
        Assert.Equal(("OS nomogram", null, Model, "{\"n\": 1}", "dm@example.org", Now), (listed.Name, listed.Center, listed.Model, listed.Validation, listed.RegisteredBy, listed.RegisteredAt));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Model))), listed.Sha256);
        using var store = RegistryStore.Open(db);
        Assert.Equal(Migrations.Latest, store.SchemaVersion);
    }

    [Fact]
    public void ForCenter_GetsItsOwnModelsAndThoseForAllCenters_NeverAnotherCenters()
    {
        var models = ModelStore.Open(NewRegistry());
        models.Register("all", null, Model, null, Audit());
        models.Register("a", "A", Model, null, Audit());
        models.Register("b", "B", Model, null, Audit());

        Assert.Equal(["a", "all"], models.ForCenter("A").Select(m => m.Name));
        Assert.Equal(["all", "b"], models.ForCenter("B").Select(m => m.Name));
        Assert.Equal(["all"], models.ForCenter("C").Select(m => m.Name));
        Assert.Equal(["a", "all", "b"], models.List().Select(m => m.Name));
    }

    [Fact]
    public void Register_NameTakenForTheSameCenter_IsRefused_ButAnotherCenterMayUseIt()
    {
        var models = ModelStore.Open(NewRegistry());
        models.Register("OS", "A", Model, null, Audit());
        models.Register("OS", null, Model, null, Audit());

        models.Register("OS", "B", Model, null, Audit());
        var e = Assert.Throws<DataInputException>(() => models.Register("OS", "A", Model + "# v2\n", null, Audit()));

        Assert.Equal("a model named 'OS' is already registered for center A: unregister it first, or choose another --name", e.Message);
        Assert.Throws<DataInputException>(() => models.Register("OS", null, Model, null, Audit()));
        Assert.Equal(3, models.List().Count);
    }

    [Theory]
    [InlineData("", null, "a registered model needs a name")]
    [InlineData("OS", " ", "the center is empty")]
    public void Register_EmptyNameOrCenter_IsRefused(string name, string? center, string message)
    {
        var models = ModelStore.Open(NewRegistry());

        Assert.StartsWith(message, Assert.Throws<DataInputException>(() => models.Register(name, center, Model, null, Audit())).Message);
        Assert.Empty(models.List());
    }

    [Fact]
    public void RegisterAndUnregister_AreAuditedWithWhoWhenWhyAndTheModel()
    {
        var db = NewRegistry();
        var models = ModelStore.Open(db);
        var stored = models.Register("OS", "A", Model, null, Audit("external validation passed"));

        Assert.Null(models.Unregister("OS", null, Audit("no such")));
        var removed = models.Unregister("OS", "A", Audit("superseded by the recalibrated model"));

        Assert.Equal(stored, removed);
        Assert.Empty(models.List());
        using var store = RegistryStore.Open(db);
        var audit = store.ReadAudit().Where(e => e.Entity == ModelStore.AuditEntity).ToArray();
        Assert.Equal([AuditAction.Insert, AuditAction.Delete], audit.Select(e => e.Action));
        Assert.All(audit, e => Assert.Equal(("", "dm@example.org", Now), (e.PatientId, e.Who, e.At)));
        Assert.Equal(["external validation passed", "superseded by the recalibrated model"], audit.Select(e => e.Reason));
        using var inserted = JsonDocument.Parse(audit[0].NewValue!);
        Assert.Equal(("OS", "A", Model, stored.Sha256), (inserted.RootElement.GetProperty("name").GetString(), inserted.RootElement.GetProperty("center").GetString(),
            inserted.RootElement.GetProperty("model").GetString(), inserted.RootElement.GetProperty("sha256").GetString()));
        Assert.Null(audit[0].OldValue);
        Assert.Equal(audit[0].NewValue, audit[1].OldValue);
        Assert.Null(audit[1].NewValue);
    }

    [Fact]
    public void Register_AuditValue_IsOneLineWithIdNameCenterShaAndModelInThatOrder()
    {
        var db = NewRegistry();
        var stored = ModelStore.Open(db).Register("OS é", null, "kind: \"cox\"\n", null, Audit("first"));

        using var store = RegistryStore.Open(db);
        var value = store.ReadAudit().Single(e => e.Entity == ModelStore.AuditEntity).NewValue;
        // The bytes the audit chain hashes: compact, text unescaped (é), a missing center as null.
        Assert.Equal($"{{\"id\":{stored.Id},\"name\":\"OS é\",\"center\":null,\"sha256\":\"{stored.Sha256}\",\"model\":\"kind: \\\"cox\\\"\\n\"}}", value);
    }

    [Fact]
    public void Register_FailingInsideTheTransaction_LeavesNoModelAndNoAuditRecord()
    {
        var db = NewRegistry();
        var models = ModelStore.Open(db);
        // The audit table refuses the record (a trigger stands in for a failing disk): the model must not stay behind.
        using (var connection = Connect(db))
        using (var command = connection.CreateCommand())
        {
            command.CommandText = FailAuditTrigger;
            command.ExecuteNonQuery();
        }

        Assert.ThrowsAny<Exception>(() => models.Register("OS", null, Model, null, Audit()));

        Assert.Empty(models.List());
        using var store = RegistryStore.Open(db);
        Assert.DoesNotContain(store.ReadAudit(), e => e.Entity == ModelStore.AuditEntity);
    }

    /// <summary>SQL that makes every insert into the audit table fail.</summary>
    protected abstract string FailAuditTrigger { get; }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
