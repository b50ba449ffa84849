using Sarc.Registry.Domain;
using Sarc.Registry.Storage;

namespace Sarc.Web.Access;

/// <summary>
/// The registry's patients as last loaded, shared by all requests of one app, so that a page does not load every
/// patient again when nothing changed. Each use asks the database for <see cref="IRegistryStore.LastAuditId"/> (every
/// change writes audit records in its own transaction) and reloads when it moved, so a change made by another server
/// or by the CLI is seen by the next request. Records are immutable and may be shared between threads.
/// </summary>
public sealed class PatientCache
{
    private readonly Lock _gate = new();
    private Snapshot? _current;

    /// <summary>Every patient ordered by id, and the same by id, as of now.</summary>
    /// <exception cref="Sarc.Data.DataInputException">The database fails.</exception>
    public Snapshot Get(IRegistryStore store)
    {
        // Read before loading: should a change commit in between, the snapshot holds newer data than its version
        // says, and the next request reloads; it can never hold older data than its version.
        var version = store.LastAuditId();
        var current = Volatile.Read(ref _current);
        if (current is not null && current.Version == version)
        {
            return current;
        }
        lock (_gate)
        {
            if (_current is { } loaded && loaded.Version == version)
            {
                return loaded;
            }
            var all = store.LoadPatients();
            var byId = new Dictionary<string, PatientRecord>(all.Count, StringComparer.Ordinal);
            foreach (var record in all)
            {
                byId[record.Id] = record;
            }
            var snapshot = new Snapshot(version, all, byId);
            Volatile.Write(ref _current, snapshot);
            return snapshot;
        }
    }

    /// <summary>The patients at audit id <paramref name="Version"/>.</summary>
    public sealed record Snapshot(long Version, IReadOnlyList<PatientRecord> All, IReadOnlyDictionary<string, PatientRecord> ById);
}
