using Sarc.Registry.Domain;
using Sarc.Registry.Template;

namespace Sarc.Registry.Endpoints;

/// <summary>
/// Derives analysis-ready datasets from registry records, the same way every time: origin = primary surgery (first
/// LR/DM for post-relapse OS), time in months = days / 30.4375, age in years = days / 365.25 at surgery. Only the first
/// event of each kind counts. Numbers are written in shortest round-trip form. See docs/formats.md.
/// </summary>
public static class EndpointBuilder
{
    /// <summary>Days per month, as in the domain definitions (365.25 / 12).</summary>
    public const double DaysPerMonth = 30.4375;

    /// <summary>Days per year for ages.</summary>
    public const double DaysPerYear = 365.25;

    /// <summary>The covariates that follow the endpoint columns on every row.</summary>
    public static IReadOnlyList<string> Covariates { get; } =
    [
        "age", "sex", "center", "histology", "histology_name", "site", "depth", "size_cm", "grade", "ajcc_t", "ajcc_stage",
        "margin", "rt_dose_gy", "rt_fractions", "eqd2", "necrosis_pct", "smoking", "bmi", "charlson",
    ];

    /// <summary>Builds <paramref name="kind"/> for <paramref name="records"/>, rows in the records' order.</summary>
    public static EndpointTable Build(IReadOnlyList<PatientRecord> records, EndpointKind kind)
    {
        var leading = kind switch
        {
            EndpointKind.LocalRecurrenceCompetingRisks => new[] { "patient_id", "time", "status" },
            EndpointKind.PostRelapseSurvival => ["patient_id", "time", "event", "relapse_type", "relapse_months"],
            EndpointKind.Multistate => ["patient_id", "start", "stop", "from", "event"],
            _ => ["patient_id", "time", "event"],
        };
        var columns = leading.Concat(Covariates).ToArray();
        var rows = new List<string[]>(records.Count);
        var warnings = new List<string>();
        foreach (var record in records)
        {
            switch (kind)
            {
                case EndpointKind.Multistate:
                    AddIntervals(record, leading.Length, columns.Length, rows, warnings);
                    break;
                case EndpointKind.PostRelapseSurvival:
                    AddPostRelapse(record, columns.Length, rows);
                    break;
                default:
                    var (end, status) = Outcome(record, kind);
                    var row = NewRow(record, columns.Length, leading.Length);
                    row[1] = Months(record.PrimarySurgery.Date, end);
                    row[2] = TemplateCodes.Integer(status);
                    rows.Add(row);
                    break;
            }
        }
        return new EndpointTable(kind, columns, rows, warnings);
    }

    /// <summary>End date and status of a single-row endpoint.</summary>
    private static (DateOnly End, int Status) Outcome(PatientRecord record, EndpointKind kind)
    {
        var lastFollowUp = record.Patient.LastFollowUp;
        var death = record.First(OutcomeEventKind.Death)?.Date;
        var lr = record.First(OutcomeEventKind.LocalRecurrence)?.Date;
        var dm = record.First(OutcomeEventKind.DistantMetastasis)?.Date;
        // Censoring is at death or last follow-up, whichever is known: they agree for a validated record.
        var censor = death ?? lastFollowUp;
        switch (kind)
        {
            case EndpointKind.OverallSurvival:
                return death is { } d ? (d, 1) : (lastFollowUp, 0);
            case EndpointKind.DiseaseFreeSurvival:
                var first = Earliest(Earliest(lr, dm), death);
                return first is { } f ? (f, 1) : (lastFollowUp, 0);
            case EndpointKind.LocalRecurrenceFree:
                return lr is { } l ? (l, 1) : (censor, 0);
            case EndpointKind.DistantMetastasisFree:
                return dm is { } m ? (m, 1) : (censor, 0);
            case EndpointKind.LocalRecurrenceCompetingRisks:
                // LR on the day of death counts as LR: it was observed.
                return lr is { } l2 ? (l2, 1) : death is { } d2 ? (d2, 2) : (lastFollowUp, 0);
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a single-row endpoint.");
        }
    }

    private static void AddPostRelapse(PatientRecord record, int width, List<string[]> rows)
    {
        var lr = record.First(OutcomeEventKind.LocalRecurrence)?.Date;
        var dm = record.First(OutcomeEventKind.DistantMetastasis)?.Date;
        if (Earliest(lr, dm) is not { } origin)
        {
            return;
        }
        var death = record.First(OutcomeEventKind.Death)?.Date;
        var row = NewRow(record, width, 5);
        row[1] = Months(origin, death ?? record.Patient.LastFollowUp);
        row[2] = death is null ? "0" : "1";
        row[3] = lr == origin && dm == origin ? "lr+dm" : lr == origin ? "lr" : "dm";
        row[4] = Months(record.PrimarySurgery.Date, origin);
        rows.Add(row);
    }

    /// <summary>
    /// The patient's path through entry → lr → dm → death (<see cref="MultistatePath"/>, times in days, written in
    /// months): <c>from</c> = the state during the interval, <c>event</c> = the state entered at <c>stop</c>, empty =
    /// censored. A patient without a path is left out with a warning.
    /// </summary>
    private static void AddIntervals(PatientRecord record, int leading, int width, List<string[]> rows, List<string> warnings)
    {
        var origin = record.PrimarySurgery.Date;
        var intervals = new List<MultistatePath.Interval>(4);
        var problem = MultistatePath.Append(
            Days(origin, record.First(OutcomeEventKind.LocalRecurrence)?.Date),
            Days(origin, record.First(OutcomeEventKind.DistantMetastasis)?.Date),
            Days(origin, record.First(OutcomeEventKind.Death)?.Date),
            Math.Max(0, record.Patient.LastFollowUp.DayNumber - origin.DayNumber),
            intervals);
        if (problem is not null)
        {
            warnings.Add($"patient {record.Id}: {problem}; no multistate interval");
            return;
        }
        foreach (var interval in intervals)
        {
            var row = NewRow(record, width, leading);
            row[1] = TemplateCodes.Number(interval.Start / DaysPerMonth);
            row[2] = TemplateCodes.Number(interval.Stop / DaysPerMonth);
            row[3] = MultistatePath.States[interval.From];
            row[4] = interval.To == MultistatePath.Censored ? "" : MultistatePath.States[interval.To];
            rows.Add(row);
        }
    }

    private static double Days(DateOnly origin, DateOnly? date) => date is { } d ? d.DayNumber - origin.DayNumber : double.NaN;

    private static DateOnly? Earliest(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private static string Months(DateOnly from, DateOnly to) => TemplateCodes.Number((to.DayNumber - from.DayNumber) / DaysPerMonth);

    /// <summary>A row with the patient id and covariates filled in after <paramref name="leading"/> endpoint columns.</summary>
    private static string[] NewRow(PatientRecord record, int width, int leading)
    {
        var row = new string[width];
        Array.Fill(row, "");
        row[0] = record.Id;
        var i = leading;
        var p = record.Patient;
        var t = record.Tumor;
        var surgery = record.PrimarySurgery;
        row[i++] = TemplateCodes.Number((surgery.Date.DayNumber - p.BirthDate.DayNumber) / DaysPerYear);
        row[i++] = TemplateCodes.Code(p.Sex);
        row[i++] = p.Center;
        row[i++] = t.Histology;
        row[i++] = t.HistologyName ?? "";
        row[i++] = TemplateCodes.Code(t.Site);
        row[i++] = t.Depth is { } depth ? TemplateCodes.Code(depth) : "";
        row[i++] = t.SizeCm is { } size ? TemplateCodes.Number(size) : "";
        row[i++] = TemplateCodes.Code(t.Grade);
        row[i++] = t.AjccT ?? "";
        row[i++] = record.AjccStage ?? "";
        row[i++] = TemplateCodes.Code(surgery.Margin);
        if (record.Radiotherapy.Count > 0)
        {
            var rt = record.Radiotherapy[0];
            row[i++] = TemplateCodes.Number(rt.DoseGy);
            row[i++] = TemplateCodes.Integer(rt.Fractions);
            row[i++] = TemplateCodes.Number(rt.Eqd2);
        }
        else
        {
            i += 3;
        }
        row[i++] = record.Pathology?.NecrosisPct is { } necrosis ? TemplateCodes.Number(necrosis) : "";
        var c = record.Comorbidity;
        row[i++] = c?.Smoking is { } smoking ? TemplateCodes.Code(smoking) : "";
        row[i++] = c?.Bmi is { } bmi ? TemplateCodes.Number(bmi) : "";
        row[i] = c?.Charlson is { } charlson ? TemplateCodes.Integer(charlson) : "";
        return row;
    }
}
