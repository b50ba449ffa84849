namespace Sarc.Registry.Endpoints;

/// <summary>
/// The path of one patient through the progressive model entry → lr → dm → death, as (start, stop] intervals each
/// ending in the state entered (or censored), in the format <c>sarc multistate</c> and <c>sarc cox --transition</c>
/// read. Shared by the registry's <c>multistate</c> endpoint (times in days) and the study runner (times in months),
/// so both cut the same intervals. Rules (docs/formats.md): a patient moves only forward, so an LR after a DM is
/// ignored; events on the same time go straight to the furthest state; every path starts in entry, so a patient
/// whose first event is at time 0 has no path.
/// </summary>
public static class MultistatePath
{
    /// <summary>The states in model order; index 0 is the initial state every path starts in.</summary>
    public static IReadOnlyList<string> States { get; } = ["entry", "lr", "dm", "death"];

    /// <summary>Index of the absorbing state <c>death</c> in <see cref="States"/>.</summary>
    public const int Death = 3;

    /// <summary>Marks a censored interval's <see cref="Interval.To"/>.</summary>
    public const int Censored = -1;

    /// <summary>One interval (Start, Stop] spent in state <see cref="From"/>, ending by a move to <see cref="To"/> (or <see cref="Censored"/>).</summary>
    public readonly record struct Interval(double Start, double Stop, int From, int To);

    /// <summary>
    /// Appends the intervals of one patient to <paramref name="intervals"/>. Times are from the origin, in any one
    /// unit; NaN = the event did not happen.
    /// </summary>
    /// <param name="lr">Time of the first local recurrence, or NaN.</param>
    /// <param name="dm">Time of the first distant metastasis, or NaN.</param>
    /// <param name="death">Time of death, or NaN.</param>
    /// <param name="lastFollowUp">Time of last follow-up (where a living patient's path is censored).</param>
    /// <param name="intervals">Receives the intervals, in time order.</param>
    /// <returns>Null when the patient has a path; otherwise why not (one clause: "died on the day of surgery").</returns>
    public static string? Append(double lr, double dm, double death, double lastFollowUp, List<Interval> intervals)
    {
        ArgumentNullException.ThrowIfNull(intervals);
        Span<double> at = [0, lr, dm, death];
        var first = intervals.Count;
        var state = 0;
        var start = 0.0;
        while (state < Death)
        {
            // The next state is the furthest one reached at the earliest later time (NaN never compares true).
            var nextTime = double.PositiveInfinity;
            var next = -1;
            for (var s = state + 1; s <= Death; s++)
            {
                if (at[s] >= start && at[s] <= nextTime)
                {
                    next = s;
                    nextTime = at[s];
                }
            }
            if (next < 0)
            {
                break;
            }
            if (nextTime <= 0)
            {
                intervals.RemoveRange(first, intervals.Count - first);
                return next == Death ? "died on the day of surgery" : $"{States[next].ToUpperInvariant()} recorded on the day of surgery (every path starts in entry)";
            }
            intervals.Add(new Interval(start, nextTime, state, next));
            state = next;
            start = nextTime;
        }
        if (state < Death)
        {
            if (lastFollowUp > start)
            {
                intervals.Add(new Interval(start, lastFollowUp, state, Censored));
            }
            else if (start == 0)
            {
                return "last follow-up on the day of surgery";
            }
        }
        return null;
    }
}
