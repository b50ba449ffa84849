using Sarc.Registry.Endpoints;

namespace Sarc.Studies.Data;

/// <summary>
/// Splits per-patient rows into (tstart, tstop] intervals so that an intermediate event is a time-dependent covariate,
/// as R's <c>tmerge(..., lr = tdc(lr_time))</c>: a patient whose LR comes strictly before the end of follow-up for the
/// endpoint contributes (0, t_LR] with lr = 0 and (t_LR, T] with lr = 1; otherwise one row with lr = 0. The endpoint's
/// status is on the last interval only. Every other column is copied to each interval.
/// </summary>
public static class CountingProcess
{
    private static readonly Dictionary<string, string> EventTimes = new(StringComparer.Ordinal)
    {
        ["lr"] = "lrfs",
        ["dm"] = "dmfs",
    };

    /// <summary>The time-dependent covariates this split knows: an event indicator and the endpoint that dates it.</summary>
    public static IReadOnlyCollection<string> Supported => EventTimes.Keys;

    /// <summary>Rows split at each covariate's event time; adds columns <c>tstart</c>, <c>tstop</c>, <c>status</c>.</summary>
    /// <exception cref="DataInputException">A covariate this split does not know.</exception>
    public static DataFrame Split(DataFrame cohort, string endpoint, IReadOnlyList<string> covariates)
    {
        var time = cohort.Column(EndpointNames.MonthsColumn(endpoint)).Numbers!;
        var status = cohort.Column(EndpointNames.EventColumn(endpoint)).Numbers!;
        var changes = covariates.Select(c => EventTimes.TryGetValue(c, out var e)
            ? (Name: c, Flag: cohort.Column(c).Numbers!, At: cohort.Column(EndpointNames.MonthsColumn(e)).Numbers!)
            : throw new DataInputException($"time-dependent covariate '{c}' is not supported (expected one of {string.Join(", ", EventTimes.Keys)})")).ToArray();

        var source = new List<int>();
        var start = new List<double>();
        var stop = new List<double>();
        var state = new List<double>();
        var values = changes.Select(_ => new List<double>()).ToArray();
        for (var i = 0; i < time.Length; i++)
        {
            if (double.IsNaN(time[i]) || double.IsNaN(status[i]))
            {
                continue;
            }
            // Cut points strictly inside (0, T): an LR on the day of the event does not precede it.
            var cuts = changes.Select(c => c.Flag[i] == 1 && c.At[i] > 0 && c.At[i] < time[i] ? c.At[i] : double.NaN)
                .Where(t => !double.IsNaN(t)).Distinct().Order().ToList();
            var from = 0.0;
            foreach (var to in cuts.Append(time[i]))
            {
                source.Add(i);
                start.Add(from);
                stop.Add(to);
                state.Add(to == time[i] ? status[i] : 0);
                for (var k = 0; k < changes.Length; k++)
                {
                    var c = changes[k];
                    values[k].Add(c.Flag[i] == 1 && c.At[i] < time[i] && c.At[i] <= from ? 1 : 0);
                }
                from = to;
            }
        }
        var rows = source.ToArray();
        var columns = new List<DataColumn>
        {
            new("tstart", ColumnKind.Numeric, start.ToArray(), null),
            new("tstop", ColumnKind.Numeric, stop.ToArray(), null),
            new("status", ColumnKind.Numeric, state.ToArray(), null),
        };
        for (var k = 0; k < changes.Length; k++)
        {
            columns.Add(new DataColumn(changes[k].Name, ColumnKind.Numeric, values[k].ToArray(), null));
        }
        foreach (var column in cohort.Columns.Where(c => !covariates.Contains(c.Name)))
        {
            columns.Add(column.Gather(rows));
        }
        return new DataFrame(cohort.Source, columns, cohort.LinesOf(rows));
    }
}
