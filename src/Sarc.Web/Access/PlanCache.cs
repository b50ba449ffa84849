using System.Collections.Concurrent;
using Sarc.Registry.Storage;
using Sarc.Surveillance;
using Sarc.Surveillance.Rules;

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

    /// <summary>
    /// Worklists (scope, date, window) are kept per data version until they hold this many due and lost patients in all
    /// (some 20 MB; a center's worklist at 100,000 patients in 20 centers holds about 2,000); further ones are computed
    /// each time, so that asking for many dates cannot fill the memory.
    /// </summary>
    public const int MaxWorklistEntries = 200_000;

    /// <summary>The planner's records of the patients of <paramref name="centers"/> (null: every center), ordered by id.</summary>
    public IReadOnlyList<SurveillancePatient> Patients(IRegistryStore store, IReadOnlyCollection<string>? centers) =>
        Patients(Current(store), store, centers);

    /// <summary>
    /// The worklist of the patients of <paramref name="centers"/> (null: every center) on <paramref name="asOf"/> with
    /// <paramref name="withinDays"/> ahead under <paramref name="rules"/> (<see cref="SurveillancePlanner.Worklist"/>),
    /// computed once per data version and kept with that version's records: every user of a center asks for the same.
    /// </summary>
    public Worklist Worklist(IRegistryStore store, IReadOnlyCollection<string>? centers, RuleSet rules, DateOnly asOf, int withinDays)
    {
        var snapshot = Current(store);
        var scope = centers is null ? null : string.Join('\n', centers.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        return snapshot.Worklist(new WorklistKey(scope, rules, asOf, withinDays),
            () => new SurveillancePlanner(rules).Worklist(Patients(snapshot, store, centers), asOf, withinDays));
    }

    /// <summary>The snapshot of the registry's current data version (read before any data, see the class remarks).</summary>
    private Snapshot Current(IRegistryStore store)
    {
        var version = store.DataVersion();
        lock (_gate)
        {
            if (_snapshot.Version < version)
            {
                _snapshot = new Snapshot(version);
            }
            // A snapshot of a later version than this request read is newer still: it serves as well.
            return _snapshot;
        }
    }

    private static IReadOnlyList<SurveillancePatient> Patients(Snapshot snapshot, IRegistryStore store, IReadOnlyCollection<string>? centers)
    {
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

    /// <summary>Which worklist: the centers (null: every center; else sorted, one per line), the rules (by reference), the date and window.</summary>
    private sealed record WorklistKey(string? Centers, RuleSet Rules, DateOnly AsOf, int WithinDays);

    /// <summary>One data version's loaded centers and worklists; each center is loaded once however many requests ask at the same time.</summary>
    private sealed class Snapshot(long version)
    {
        private readonly ConcurrentDictionary<string, Lazy<SurveillancePatient[]>> _centers = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<WorklistKey, Lazy<Worklist>> _worklists = new();
        private int _worklistEntries;
        private IReadOnlyList<string>? _names;

        public long Version => version;

        /// <summary>Every center that has patients (read once per version).</summary>
        public IReadOnlyList<string> Centers(IRegistryStore store) => _names ??= store.Centers();

        public SurveillancePatient[] Get(string key, Func<SurveillancePatient[]> load) => Once(_centers, key, load);

        /// <summary>The worklist of <paramref name="key"/>, computed once; beyond <see cref="MaxWorklistEntries"/> kept, computed and not kept.</summary>
        public Worklist Worklist(WorklistKey key, Func<Worklist> compute)
        {
            if (!_worklists.ContainsKey(key) && Volatile.Read(ref _worklistEntries) >= MaxWorklistEntries)
            {
                return compute();
            }
            return Once(_worklists, key, () =>
            {
                var worklist = compute();
                Interlocked.Add(ref _worklistEntries, worklist.Due.Count + worklist.Lost.Count);
                return worklist;
            });
        }

        private static TValue Once<TKey, TValue>(ConcurrentDictionary<TKey, Lazy<TValue>> kept, TKey key, Func<TValue> load) where TKey : notnull
        {
            var lazy = kept.GetOrAdd(key, _ => new Lazy<TValue>(load, LazyThreadSafetyMode.ExecutionAndPublication));
            try
            {
                return lazy.Value;
            }
            catch
            {
                // A failed read (the database went away) is not kept: the next request tries again.
                kept.TryRemove(new KeyValuePair<TKey, Lazy<TValue>>(key, lazy));
                throw;
            }
        }
    }
}
