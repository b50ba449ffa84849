namespace Sarc.Registry.Domain;

/// <summary>
/// The kinds of dated outcome. A patient may have several local recurrences and distant metastases, and at most one
/// death. Codes <c>local_recurrence</c>, <c>distant_metastasis</c>, <c>death</c>; the order is the order of events on
/// the same date.
/// </summary>
public enum OutcomeEventKind
{
    /// <summary>A local recurrence at the primary site (code <c>local_recurrence</c>); may recur.</summary>
    LocalRecurrence,
    /// <summary>A distant metastasis (code <c>distant_metastasis</c>), with its site; may recur.</summary>
    DistantMetastasis,
    /// <summary>Death from any cause (code <c>death</c>), at most one per patient, with its <see cref="DeathCause"/>.</summary>
    Death,
}
