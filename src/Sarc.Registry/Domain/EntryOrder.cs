using Sarc.Registry.Codes;

namespace Sarc.Registry.Domain;

/// <summary>
/// The canonical order of a patient's list entries, the order of the long export: by date (unknown first), then kind
/// (in enumeration order, unknown first), then the remaining cells in file column order (ordinal text). Sorting is
/// stable and allocation-free unless two entries tie on date and kind.
/// </summary>
internal static class EntryOrder
{
    public static readonly Comparison<Surgery> Surgery = (a, b) =>
        Compare(a.Date, b.Date, (int)a.Kind, (int)b.Kind) is var c && c != 0 ? c : Rest(EntryCells.Of(a), EntryCells.Of(b), 0, 1);

    public static readonly Comparison<RadiotherapyCourse> Radiotherapy = (a, b) =>
        Compare(a.StartDate, b.StartDate, Kind(a.Setting), Kind(b.Setting)) is var c && c != 0 ? c : Rest(EntryCells.Of(a), EntryCells.Of(b), 4, 0);

    public static readonly Comparison<SystemicTherapyLine> Systemic = (a, b) =>
        Compare(a.StartDate, b.StartDate, Kind(a.Intent), Kind(b.Intent)) is var c && c != 0 ? c : Rest(EntryCells.Of(a), EntryCells.Of(b), 2, 1);

    public static readonly Comparison<OutcomeEvent> Event = (a, b) =>
        Compare(a.Date, b.Date, (int)a.Kind, (int)b.Kind) is var c && c != 0 ? c : Rest(EntryCells.Of(a), EntryCells.Of(b), 0, 1);

    public static readonly Comparison<FollowUpContact> FollowUp = (a, b) =>
        Compare(a.Date, b.Date, Kind(a.Status), Kind(b.Status));

    /// <summary>A sorted copy (insertion sort: stable, and a patient has a handful of entries of each kind).</summary>
    public static T[] Sorted<T>(IReadOnlyList<T> entries, Comparison<T> compare)
    {
        if (entries.Count == 0)
        {
            return [];
        }
        var sorted = new T[entries.Count];
        for (var i = 0; i < sorted.Length; i++)
        {
            var e = entries[i];
            var j = i - 1;
            while (j >= 0 && compare(sorted[j], e) > 0)
            {
                sorted[j + 1] = sorted[j];
                j--;
            }
            sorted[j + 1] = e;
        }
        return sorted;
    }

    private static int Kind<TEnum>(TEnum? value) where TEnum : struct, Enum =>
        value is { } v ? System.Runtime.CompilerServices.Unsafe.As<TEnum, int>(ref v) : -1;

    private static int Compare(DateOnly? a, DateOnly? b, int kindA, int kindB)
    {
        var byDate = (a?.DayNumber ?? int.MinValue).CompareTo(b?.DayNumber ?? int.MinValue);
        return byDate != 0 ? byDate : kindA.CompareTo(kindB);
    }

    private static int Rest(string[] a, string[] b, int dateColumn, int kindColumn)
    {
        for (var i = 0; i < a.Length; i++)
        {
            if (i == dateColumn || i == kindColumn)
            {
                continue;
            }
            var c = string.CompareOrdinal(a[i], b[i]);
            if (c != 0)
            {
                return c;
            }
        }
        return 0;
    }
}
