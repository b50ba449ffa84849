namespace Sarc.Registry.Domain;

/// <summary>
/// The kinds of dated outcome. A patient may have several local recurrences and distant metastases, and at most one
/// death. Codes <c>local_recurrence</c>, <c>distant_metastasis</c>, <c>death</c>; the order is the order of events on
/// the same date.
/// </summary>
public enum OutcomeEventKind
{
    LocalRecurrence,
    DistantMetastasis,
    Death,
}
