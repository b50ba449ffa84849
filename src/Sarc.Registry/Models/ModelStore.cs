using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Sarc.Data;
using Sarc.Registry.Audit;
using Sarc.Registry.Json;
using Sarc.Registry.Storage;

namespace Sarc.Registry.Models;

/// <summary>
/// The prediction models registered in a registry's own database (the table <c>prediction_model</c> of schema migration
/// 5; SQLite or PostgreSQL, the same <c>--db</c> value): what <c>sarc model register</c>, <c>list</c> and
/// <c>unregister</c> change and the patient record shows. Registering and unregistering are audited like every change
/// of the registry (who, when, why, the old or new value) in the same transaction; the audit record has no patient
/// (<c>patient_id</c> empty) and the entity <see cref="AuditEntity"/>. Each call opens the registry (so its migrations
/// apply) and closes it again; the store may be shared between threads.
/// </summary>
public sealed class ModelStore
{
    /// <summary>The audit records' entity.</summary>
    public const string AuditEntity = "prediction_model";

    /// <summary>The longest model file the registry keeps, in characters (a model file is a few kilobytes).</summary>
    public const int MaxModelLength = 1_000_000;

    private readonly string _db;

    private ModelStore(string db) => _db = db;

    /// <summary>The models of the existing registry <paramref name="db"/> (its migrations are applied now).</summary>
    /// <exception cref="DataInputException">The SQLite file does not exist, or the database cannot be opened.</exception>
    public static ModelStore Open(string db)
    {
        RegistryStore.RequireExisting(db);
        using (RegistryStore.OpenSql(db))
        {
        }
        return new ModelStore(db);
    }

    /// <summary>
    /// Registers <paramref name="model"/> (a model file's text, checked by the caller) as <paramref name="name"/> for the
    /// patients of <paramref name="center"/> (null: all centers), with its <paramref name="validation"/> summary (JSON, or
    /// null), audited with <paramref name="audit"/>'s user, clock and reason.
    /// </summary>
    /// <exception cref="DataInputException">An empty name or center, a model file too long, or the name already registered for that center.</exception>
    public StoredModel Register(string name, string? center, string model, string? validation, AuditContext audit)
    {
        name = name.Trim();
        center = center?.Trim();
        if (name.Length == 0)
        {
            throw new DataInputException("a registered model needs a name");
        }
        if (center is { Length: 0 })
        {
            throw new DataInputException("the center is empty: give a center code, or none for all centers");
        }
        if (model.Length > MaxModelLength)
        {
            throw new DataInputException($"the model file has {model.Length} characters; a registered model has at most {MaxModelLength}");
        }
        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(model)));
        var now = audit.Clock.GetUtcNow().ToUniversalTime();
        return Write((store, connection, tx) =>
        {
            if (Find(connection, tx, name, center) is not null)
            {
                throw new DataInputException($"a model named '{name}' is already registered for {Scope(center)}: unregister it first, or choose another --name");
            }
            long id;
            using (var insert = DbCommands.Create(connection, tx,
                "INSERT INTO prediction_model (name, center, model, sha256, validation, registered_at, registered_by) VALUES (@n, @c, @m, @s, @v, @at, @by) RETURNING id",
                ("n", name), ("c", center), ("m", model), ("s", sha), ("v", validation), ("at", now), ("by", audit.User)))
            {
                id = Convert.ToInt64(insert.ExecuteScalar(), CultureInfo.InvariantCulture);
            }
            var stored = new StoredModel(id, name, center, model, sha, validation, now, audit.User);
            store.WriteAudit(tx, audit, AuditAction.Insert, AuditEntity, oldValue: null, newValue: Describe(stored));
            tx.Commit();
            return stored;
        });
    }

    /// <summary>Every registered model, ordered by name, then center (all centers first).</summary>
    public IReadOnlyList<StoredModel> List() => Run(connection => Read(connection, null, "ORDER BY name, center IS NOT NULL, center"));

    /// <summary>The models for the patients of <paramref name="center"/>: its own and those for all centers, ordered by name.</summary>
    public IReadOnlyList<StoredModel> ForCenter(string center) =>
        [.. List().Where(m => m.AppliesTo(center))];

    /// <summary>
    /// Removes the model registered as <paramref name="name"/> for <paramref name="center"/> (null: the one for all
    /// centers), audited with its old value; returns it, or null when there is none.
    /// </summary>
    public StoredModel? Unregister(string name, string? center, AuditContext audit) => Write((store, connection, tx) =>
    {
        var stored = Find(connection, tx, name.Trim(), center?.Trim());
        if (stored is null)
        {
            return null;
        }
        DbCommands.Execute(connection, tx, "DELETE FROM prediction_model WHERE id = @id", ("id", stored.Id));
        store.WriteAudit(tx, audit, AuditAction.Delete, AuditEntity, oldValue: Describe(stored), newValue: null);
        tx.Commit();
        return stored;
    });

    /// <summary>"center MUC" or "all centers".</summary>
    public static string Scope(string? center) => center is null ? "all centers" : $"center {center}";

    private static StoredModel? Find(DbConnection connection, DbTransaction tx, string name, string? center) =>
        Read(connection, tx, center is null ? "AND center IS NULL" : "AND center = @c", ("n", name), ("c", center)).FirstOrDefault();

    private static List<StoredModel> Read(DbConnection connection, DbTransaction? tx, string clause, params (string Name, object? Value)[] parameters)
    {
        var where = parameters.Length > 0 ? "WHERE name = @n " + clause : clause;
        using var command = DbCommands.Create(connection, tx,
            $"SELECT id, name, center, model, sha256, validation, registered_at, registered_by FROM prediction_model {where}",
            [.. parameters.Where(p => p.Name != "c" || p.Value is not null)]);
        using var reader = command.ExecuteReader();
        var models = new List<StoredModel>();
        while (reader.Read())
        {
            models.Add(new StoredModel(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.GetFieldValue<DateTimeOffset>(6).ToUniversalTime(),
                reader.GetString(7)));
        }
        return models;
    }

    /// <summary>The audit value of a registration: its name, center, SHA-256 and the model file itself.</summary>
    private static string Describe(StoredModel model) =>
        JsonSerializer.Serialize(new AuditValue(model.Id, model.Name, model.Center, model.Sha256, model.Model), SarcJson.Records);

    private T Run<T>(Func<DbConnection, T> action)
    {
        using var store = RegistryStore.OpenSql(_db);
        return store.OnConnection(action);
    }

    /// <summary>Runs a change under the registry's write lock, so its audit record joins the hash chain at its head.</summary>
    private T Write<T>(Func<SqlRegistryStore, DbConnection, DbTransaction, T> action)
    {
        using var store = RegistryStore.OpenSql(_db);
        return store.OnWrite((connection, tx) => action(store, connection, tx));
    }

    /// <summary>The audit value of a registration, one line: <c>{"id":…,"name":…,"center":…,"sha256":…,"model":…}</c>.</summary>
    private sealed record AuditValue(long Id, string Name, string? Center, [property: JsonPropertyName("sha256")] string Sha256, string Model);
}
