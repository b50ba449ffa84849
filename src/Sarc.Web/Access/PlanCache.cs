using System.Collections.Concurrent;
using Sarc.Registry.Storage;
using Sarc.Surveillance;

namespace Sarc.Web.Access;

/// <summary>
/// The surveillance planner's records of each center's patients (from the registry's narrow summary query), shared by
/// an app's requests and kept only while the registry's data version is unchanged (<see cref="IRegistryStore.DataVersion"/>:
/// raised by every committed change of patient data, in commit order, on SQLite and PostgreSQL alike). The version is
/// read before the data, so what is kept under version v includes every change up to v; the first request that sees a
/// higher version starts afresh. A change by this app, the CLI or another server is therefore seen by the next request.
/// </summary>
public sealed class PlanCache
{
    private readonly object _gate = new();
    private Snapshot _snapshot = new(-1);

    /// <summary>The planner's records of the patients of <paramref name="centers"/> (null: every center), ordered by id.</summary>
    public IReadOnlyList<SurveillancePatient> Patients(IRegistryStore store, IReadOnlyCollection<string>? centers)
    {
        var version = store.DataVersion();
        Snapshot snapshot;
        lock (_gate)
        {
            if (_snapshot.Version < version)
            {
                _snapshot = new Snapshot(version);
            }
            // A snapshot of a later version than this request read is newer still: it serves as well.
            snapshot = _snapshot;
        }
        var wanted = centers ?? snapshot.Centers(store);
        if (wanted.Count == 1)
        {
            return snapshot.Get(wanted.First(), () => Load(store, wanted.First()));
        }
        var patients = new List<SurveillancePatient>();
        foreach (var center in wanted)
        {
            patients.AddRange(snapshot.Get(center, () => Load(store, center)));
        }
        patients.Sort((a, b) => string.CompareOrdinal(a.PatientId, b.PatientId));
        return patients;
    }

    private static SurveillancePatient[] Load(IRegistryStore store, string center)
    {
        var summaries = store.Summaries(new PatientFilter(Centers: [center]));
        var patients = new SurveillancePatient[summaries.Count];
        for (var i = 0; i < patients.Length; i++)
        {
            patients[i] = RegistryPatients.From(summaries[i]);
        }
        return patients;
    }

    /// <summary>One data version's loaded centers; each center is loaded once however many requests ask at the same time.</summary>
    private sealed class Snapshot(long version)
    {
        private readonly ConcurrentDictionary<string, Lazy<SurveillancePatient[]>> _centers = new(StringComparer.Ordinal);
        private IReadOnlyList<string>? _names;

        public long Version => version;

        /// <summary>Every center that has patients (read once per version).</summary>
        public IReadOnlyList<string> Centers(IRegistryStore store) => _names ??= store.Centers();

        public SurveillancePatient[] Get(string key, Func<SurveillancePatient[]> load)
        {
            var lazy = _centers.GetOrAdd(key, _ => new Lazy<SurveillancePatient[]>(load, LazyThreadSafetyMode.ExecutionAndPublication));
            try
            {
                return lazy.Value;
            }
            catch
            {
                // A failed read (the database went away) is not kept: the next request tries again.
                _centers.TryRemove(new KeyValuePair<string, Lazy<SurveillancePatient[]>>(key, lazy));
                throw;
            }
        }
    }
}
