using Sarc.Registry.Endpoints;

namespace Sarc.Studies.Data;

/// <summary>
/// Turns the per-patient analysis dataset into the interval rows of the progressive model entry → lr → dm → death,
/// cut by the same rules as the registry's <c>multistate</c> endpoint (<see cref="MultistatePath"/>; docs/formats.md).
/// Event times come from the endpoint columns: LR from <c>lrfs</c>, DM after surgery from <c>dmfs</c>, death and last
/// follow-up from <c>os</c> (months). A DM at diagnosis is a DM at time 0, so such a patient has no path.
/// </summary>
public static class MultistateIntervals
{
    /// <summary>Names of the columns added in front of the patient's columns.</summary>
    public const string Start = "start", Stop = "stop", From = "from", Event = "event";

    /// <summary>
    /// One row per interval: <c>start</c>, <c>stop</c> (months), <c>from</c> (the state during the interval),
    /// <c>event</c> (the state entered at stop; missing = censored), then every column of <paramref name="cohort"/>.
    /// </summary>
    /// <returns>The intervals and how many patients have none, with the reason of the first.</returns>
    public static (DataFrame Intervals, int LeftOut, string? FirstReason) Build(DataFrame cohort)
    {
        var lrTime = cohort.Column("lrfs_months").Numbers!;
        var lrEvent = cohort.Column("lrfs_event").Numbers!;
        var dmTime = cohort.Column("dmfs_months").Numbers!;
        var dmEvent = cohort.Column("dmfs_event").Numbers!;
        var osTime = cohort.Column("os_months").Numbers!;
        var osEvent = cohort.Column("os_event").Numbers!;
        var metastatic = cohort.Column("metastatic_at_diagnosis").Numbers!;
        var ids = cohort.Column("patient_id");
        var intervals = new List<MultistatePath.Interval>(cohort.RowCount * 2);
        var rows = new List<int>(cohort.RowCount * 2);
        var leftOut = 0;
        string? firstReason = null;
        for (var i = 0; i < cohort.RowCount; i++)
        {
            var before = intervals.Count;
            var reason = MultistatePath.Append(
                lrEvent[i] == 1 ? lrTime[i] : double.NaN,
                metastatic[i] == 1 ? 0 : dmEvent[i] == 1 ? dmTime[i] : double.NaN,
                osEvent[i] == 1 ? osTime[i] : double.NaN,
                osTime[i],
                intervals);
            if (reason is not null)
            {
                leftOut++;
                firstReason ??= $"patient {ids.TextAt(i)}: {reason}";
            }
            for (var k = before; k < intervals.Count; k++)
            {
                rows.Add(i);
            }
        }
        var n = intervals.Count;
        var start = new double[n];
        var stop = new double[n];
        var from = new string?[n];
        var entered = new string?[n];
        for (var k = 0; k < n; k++)
        {
            var interval = intervals[k];
            start[k] = interval.Start;
            stop[k] = interval.Stop;
            from[k] = MultistatePath.States[interval.From];
            entered[k] = interval.To == MultistatePath.Censored ? null : MultistatePath.States[interval.To];
        }
        var columns = new List<DataColumn>
        {
            new(Start, ColumnKind.Numeric, start, null),
            new(Stop, ColumnKind.Numeric, stop, null),
            new(From, ColumnKind.Text, null, from),
            new(Event, ColumnKind.Text, null, entered),
        };
        foreach (var column in cohort.Columns)
        {
            if (column.Name is not (Start or Stop or From or Event))
            {
                columns.Add(column.Gather(rows));
            }
        }
        return (new DataFrame(cohort.Source, columns, cohort.LinesOf(rows)), leftOut, firstReason);
    }
}
