using Sarc.Data.Tables;
using Sarc.Registry.Codes;
using Sarc.Registry.Domain;

namespace Sarc.Registry.Endpoints;

/// <summary>
/// Renders <see cref="PatientEndpoints"/> for its users: one endpoint as the CSV table of <c>sarc endpoints</c>
/// (<see cref="Table"/>), or every endpoint and covariate as the per-patient analysis dataset of the studies
/// (<see cref="Dataset"/>). Both read the same derivation, so they cannot disagree.
/// </summary>
public static class EndpointEngine
{
    /// <summary>The endpoint columns that lead each row of <paramref name="kind"/>'s table, before the covariates.</summary>
    public static IReadOnlyList<string> LeadingColumns(EndpointKind kind) => kind switch
    {
        EndpointKind.Multistate => ["patient_id", "start", "stop", "from", "event"],
        _ when EndpointNames.IsCompetingRisks(kind) => ["patient_id", "time", "status"],
        _ => ["patient_id", "time", "event"],
    };

    /// <summary>
    /// The table of <paramref name="kind"/>: a row per patient who has the endpoint (per interval for multistate), in
    /// the records' order, time in months; patients left out are counted per reason in the warnings.
    /// </summary>
    public static EndpointTable Table(IReadOnlyList<PatientRecord> records, EndpointKind kind)
    {
        var leading = LeadingColumns(kind);
        var columns = leading.Concat(EndpointCovariates.All.Select(c => c.Name)).ToArray();
        // Each patient's rows are derived on their own (in parallel: 100,000 patients × 50 cells), then gathered in
        // the records' order.
        var perPatient = new string[records.Count][][];
        var reasons = new string?[records.Count];
        Parallel.For(0, (records.Count + Chunk - 1) / Chunk, chunk =>
        {
            for (var i = chunk * Chunk; i < Math.Min(records.Count, (chunk + 1) * Chunk); i++)
            {
                (perPatient[i], reasons[i]) = Rows(new PatientEndpoints(records[i]), kind, columns.Length, leading.Count);
            }
        });
        var rows = new List<string[]>(records.Count);
        var excluded = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        for (var i = 0; i < records.Count; i++)
        {
            if (reasons[i] is { } why)
            {
                Count(excluded, why, records[i].Id);
            }
            rows.AddRange(perPatient[i]!);
        }
        var warnings = excluded.Select(e =>
            $"{e.Value.Count} patient{(e.Value.Count == 1 ? "" : "s")} left out: {e.Key} ({string.Join(", ", e.Value.Take(5))}{(e.Value.Count > 5 ? ", ..." : "")})").ToList();
        return new EndpointTable(kind, columns, rows, warnings);
    }

    /// <summary>Patients per parallel work item.</summary>
    private const int Chunk = 2048;

    /// <summary>One patient's rows of <paramref name="kind"/> and, when the patient has none, why.</summary>
    private static (string[][] Rows, string? Excluded) Rows(PatientEndpoints p, EndpointKind kind, int width, int leading)
    {
        if (kind == EndpointKind.Multistate)
        {
            var intervals = new string[p.Intervals.Count][];
            for (var k = 0; k < intervals.Length; k++)
            {
                var interval = p.Intervals[k];
                var row = intervals[k] = NewRow(p, width, leading);
                row[1] = CellText.Number(interval.Start / EndpointTime.DaysPerMonth);
                row[2] = CellText.Number(interval.Stop / EndpointTime.DaysPerMonth);
                row[3] = MultistatePath.States[interval.From];
                row[4] = interval.To == MultistatePath.Censored ? "" : MultistatePath.States[interval.To];
            }
            return (intervals, p.ExclusionOf(kind));
        }
        if (p[kind] is not { } outcome)
        {
            return ([], p.ExclusionOf(kind));
        }
        var single = NewRow(p, width, leading);
        single[1] = CellText.Number(outcome.Months);
        single[2] = SmallIntegers[outcome.Status];
        return ([single], null);
    }

    /// <summary>
    /// The per-patient analysis dataset: <c>patient_id</c>, every covariate (<see cref="EndpointCovariates"/>), then for
    /// each single-row endpoint <c>NAME_months</c> and <c>NAME_event</c> (study names, <see cref="EndpointNames.StudyNameOf"/>;
    /// missing where the patient does not have the endpoint). Rows in the records' order; row numbers start at 1.
    /// </summary>
    public static DataFrame Dataset(IReadOnlyList<PatientRecord> records, string source)
    {
        var n = records.Count;
        var patients = new PatientEndpoints[n];
        for (var i = 0; i < n; i++)
        {
            patients[i] = new PatientEndpoints(records[i]);
        }
        var columns = new List<DataColumn>(1 + EndpointCovariates.All.Count + 2 * EndpointNames.SingleRow.Count)
        {
            new("patient_id", ColumnKind.Text, null, records.Select(r => (string?)r.Id).ToArray()),
        };
        foreach (var covariate in EndpointCovariates.All)
        {
            if (covariate.Number is { } number)
            {
                var values = new double[n];
                for (var i = 0; i < n; i++)
                {
                    values[i] = number(patients[i]);
                }
                columns.Add(new DataColumn(covariate.Name, ColumnKind.Numeric, values, null));
            }
            else
            {
                var texts = new string?[n];
                for (var i = 0; i < n; i++)
                {
                    texts[i] = covariate.Text!(patients[i]);
                }
                columns.Add(new DataColumn(covariate.Name, ColumnKind.Text, null, texts));
            }
        }
        foreach (var kind in EndpointNames.SingleRow)
        {
            var months = new double[n];
            var status = new double[n];
            for (var i = 0; i < n; i++)
            {
                var outcome = patients[i][kind];
                months[i] = outcome?.Months ?? double.NaN;
                status[i] = outcome?.Status ?? double.NaN;
            }
            var name = EndpointNames.StudyNameOf(kind);
            columns.Add(new DataColumn(EndpointNames.MonthsColumn(name), ColumnKind.Numeric, months, null));
            columns.Add(new DataColumn(EndpointNames.EventColumn(name), ColumnKind.Numeric, status, null));
        }
        return new DataFrame(source, columns, Enumerable.Range(1, n).ToArray());
    }

    /// <summary>A row with the patient id and covariates filled in after <paramref name="leading"/> endpoint columns.</summary>
    private static string[] NewRow(PatientEndpoints p, int width, int leading)
    {
        var row = new string[width];
        row[0] = p.Record.Id;
        var covariates = EndpointCovariates.All;
        for (var c = 0; c < covariates.Count; c++)
        {
            var covariate = covariates[c];
            row[leading + c] = covariate.Number is { } number ? Cell(number(p)) : covariate.Text!(p) ?? "";
        }
        for (var i = 1; i < leading; i++)
        {
            row[i] ??= "";
        }
        return row;
    }

    // Flags and counts are most of the numeric cells: their text is made once.
    private static readonly string[] SmallIntegers = [.. Enumerable.Range(0, 100).Select(CellText.Integer)];

    private static string Cell(double value) => double.IsNaN(value) ? ""
        : value >= 0 && value < SmallIntegers.Length && value == Math.Floor(value) ? SmallIntegers[(int)value]
        : CellText.Number(value);

    private static void Count(Dictionary<string, List<string>> excluded, string reason, string id)
    {
        if (!excluded.TryGetValue(reason, out var ids))
        {
            excluded[reason] = ids = [];
        }
        ids.Add(id);
    }
}
