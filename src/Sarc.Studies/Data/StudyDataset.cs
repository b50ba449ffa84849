using System.Globalization;
using Sarc.Data;
using Sarc.Data.Tables;
using Sarc.Registry.Endpoints;

namespace Sarc.Studies.Data;

/// <summary>
/// Builds the per-patient analysis dataset of a study from the registry's flat template (one row per patient: the
/// columns of docs/formats.md) and an optional supplement joined on <c>patient_id</c>. Definitions follow the domain
/// rules: origin = primary surgery, months = days / 30.4375, age = days / 365.25 at surgery, first event of each kind;
/// see docs/studies.md for every derived column. The result has exactly the columns of <see cref="StudyFields"/>.
/// </summary>
public static class StudyDataset
{
    private const double DaysPerMonth = EndpointBuilder.DaysPerMonth;

    private static readonly Dictionary<string, string> HistologyNames = new(StringComparer.Ordinal)
    {
        ["8890/3"] = "LMS", ["9040/3"] = "SyS", ["8802/3"] = "UPS", ["8850/3"] = "LPS", ["8858/3"] = "DDLPS",
        ["8852/3"] = "MLPS", ["8854/3"] = "PLPS", ["8811/3"] = "MFS", ["9540/3"] = "MPNST", ["9120/3"] = "AS",
    };

    /// <summary>The analysis dataset for the patients of <paramref name="template"/>.</summary>
    /// <exception cref="DataInputException">A required template column is missing, a date is not yyyy-MM-dd, or a supplement row names an unknown patient (each naming file and line).</exception>
    public static DataFrame Build(DataFrame template, DataFrame? supplement = null)
    {
        var n = template.RowCount;
        var text = new Dictionary<string, string?[]>(StringComparer.Ordinal);
        var num = new Dictionary<string, double[]>(StringComparer.Ordinal);
        string?[] T(string name) => text[name] = new string?[n];
        double[] N(string name)
        {
            var a = new double[n];
            Array.Fill(a, double.NaN);
            return num[name] = a;
        }

        var id = T("patient_id"); var center = T("center"); var sex = T("sex"); var histology = T("histology");
        var histologyName = T("histology_name"); var site = T("site"); var depth = T("depth"); var grade = T("grade");
        var margin = T("margin"); var smoking = T("smoking"); var rtSetting = T("rt_setting"); var relapseType = T("relapse_type");
        var age = N("age"); var deep = N("deep"); var size = N("size_cm"); var sizeGt5 = N("size_gt5"); var highGrade = N("high_grade");
        var everSmoker = N("ever_smoker"); var bmi = N("bmi"); var charlson = N("charlson"); var dose = N("rt_dose_gy");
        var fractions = N("rt_fractions"); var rtToSurgery = N("rt_to_surgery_days"); var necrosis = N("necrosis_pct");
        var lr = N("lr"); var dm = N("dm"); var death = N("death"); var relapse = N("relapse"); var metastatic = N("metastatic_at_diagnosis");
        var relapseMonths = N("relapse_months"); var relapseGt12 = N("relapse_gt12");
        var endpointMonths = StudyFields.Endpoints.ToDictionary(e => e, e => N(e + "_months"));
        var endpointEvents = StudyFields.Endpoints.ToDictionary(e => e, e => N(e + "_event"));

        var cell = (string name) => template.Column(name);
        var cId = cell("patient_id"); var cCenter = cell("center"); var cSex = cell("sex"); var cBirth = cell("birth_date");
        var cHist = cell("histology"); var cSite = cell("site"); var cDepth = cell("depth"); var cSize = cell("size_cm");
        var cGrade = cell("grade"); var cSurgery = cell("surgery_date"); var cMargin = cell("margin"); var cLast = cell("last_followup_date");
        var cSmoking = cell("smoking"); var cBmi = cell("bmi"); var cCharlson = cell("charlson"); var cSetting = cell("rt_setting");
        var cDose = cell("rt_dose_gy"); var cFx = cell("rt_fractions"); var cRtEnd = cell("rt_end_date"); var cNecrosis = cell("necrosis_pct");
        var cLr = cell("lr_date"); var cDm = cell("dm_date"); var cDeath = cell("death_date");

        // Progression for PFS: a supplement may carry a progression date the template has no column for.
        var progressionColumn = supplement is not null && supplement.HasColumn("progression_date") ? supplement.Column("progression_date") : null;
        var supplementRow = supplement is null ? null : JoinRows(template, cId, supplement);

        for (var i = 0; i < n; i++)
        {
            id[i] = cId.TextAt(i); center[i] = cCenter.TextAt(i); sex[i] = cSex.TextAt(i); histology[i] = cHist.TextAt(i);
            histologyName[i] = histology[i] is { } h ? HistologyNames.GetValueOrDefault(h, h) : null;
            site[i] = cSite.TextAt(i); depth[i] = cDepth.TextAt(i); grade[i] = cGrade.TextAt(i); margin[i] = cMargin.TextAt(i);
            smoking[i] = cSmoking.TextAt(i); rtSetting[i] = cSetting.TextAt(i);
            deep[i] = depth[i] is null ? double.NaN : depth[i] == "deep" ? 1 : 0;
            size[i] = Number(cSize, i); sizeGt5[i] = double.IsNaN(size[i]) ? double.NaN : size[i] > 5 ? 1 : 0;
            highGrade[i] = grade[i] switch { "2" or "3" => 1, "1" => 0, _ => double.NaN };
            everSmoker[i] = smoking[i] switch { "former" or "current" => 1, "never" => 0, _ => double.NaN };
            bmi[i] = Number(cBmi, i); charlson[i] = Number(cCharlson, i); dose[i] = Number(cDose, i); fractions[i] = Number(cFx, i);
            necrosis[i] = Number(cNecrosis, i);

            var surgery = Date(template, cSurgery, i)!.Value;
            var last = Date(template, cLast, i)!.Value;
            age[i] = Date(template, cBirth, i) is { } birth ? (surgery.DayNumber - birth.DayNumber) / 365.25 : double.NaN;
            rtToSurgery[i] = Date(template, cRtEnd, i) is { } rtEnd ? surgery.DayNumber - rtEnd.DayNumber : double.NaN;
            var lrDate = Date(template, cLr, i);
            var dmDate = Date(template, cDm, i);
            var deathDate = Date(template, cDeath, i);
            DateOnly? progression = supplementRow is not null && progressionColumn is not null && supplementRow[i] >= 0
                ? Date(supplement!, progressionColumn, supplementRow[i]) : null;
            // DM on or before the primary surgery is disease present at diagnosis, not a relapse.
            var dmAtDiagnosis = dmDate is { } md && md <= surgery;
            var dmAfter = dmAtDiagnosis ? null : dmDate;
            lr[i] = lrDate is null ? 0 : 1;
            dm[i] = dmAfter is null ? 0 : 1;
            death[i] = deathDate is null ? 0 : 1;
            metastatic[i] = dmAtDiagnosis ? 1 : 0;
            relapse[i] = lrDate is null && dmAfter is null ? 0 : 1;
            var end = deathDate ?? last;

            Set("os", deathDate is { } d ? (d, 1) : (last, 0));
            Set("dfs", Earliest(Earliest(lrDate, dmAfter), deathDate) is { } f ? (f, 1) : (last, 0));
            Set("lrfs", lrDate is { } l ? (l, 1) : (end, 0));
            Set("dmfs", dmAfter is { } m ? (m, 1) : (end, 0));
            Set("pfs", Earliest(Earliest(lrDate, dmAfter), Earliest(progression, deathDate)) is { } p ? (p, 1) : (last, 0));
            Set("lr_cr", lrDate is { } l2 ? (l2, 1) : deathDate is { } d2 ? (d2, 2) : (last, 0));
            Set("dm_cr", dmAfter is { } m2 ? (m2, 1) : deathDate is { } d3 ? (d3, 2) : (last, 0));
            if (Earliest(lrDate, dmAfter) is { } origin)
            {
                relapseType[i] = lrDate == origin && dmAfter == origin ? "lr+dm" : lrDate == origin ? "lr" : "dm";
                relapseMonths[i] = (origin.DayNumber - surgery.DayNumber) / DaysPerMonth;
                relapseGt12[i] = relapseMonths[i] > 12 ? 1 : 0;
                endpointMonths["post_relapse_os"][i] = (end.DayNumber - origin.DayNumber) / DaysPerMonth;
                endpointEvents["post_relapse_os"][i] = deathDate is null ? 0 : 1;
            }

            void Set(string endpoint, (DateOnly Date, int Status) outcome)
            {
                endpointMonths[endpoint][i] = (outcome.Date.DayNumber - surgery.DayNumber) / DaysPerMonth;
                endpointEvents[endpoint][i] = outcome.Status;
            }
        }

        var columns = new List<DataColumn>();
        foreach (var name in StudyFields.Registry.Concat(StudyFields.Endpoints.SelectMany(e => new[] { e + "_months", e + "_event" })))
        {
            columns.Add(text.TryGetValue(name, out var t) ? new DataColumn(name, ColumnKind.Text, null, t) : new DataColumn(name, ColumnKind.Numeric, num[name], null));
        }
        columns.AddRange(SupplementColumns(supplement, supplementRow, n));
        return new DataFrame(template.Source, columns, template.LineNumbers);
    }

    /// <summary>The supplement's study columns aligned to the template rows (missing where a patient has no supplement row), with the derived 0/1 cut-offs.</summary>
    private static IEnumerable<DataColumn> SupplementColumns(DataFrame? supplement, int[]? rowOf, int n)
    {
        double[] Numbers(string name)
        {
            var values = new double[n];
            Array.Fill(values, double.NaN);
            if (supplement is not null && supplement.HasColumn(name))
            {
                var column = supplement.Column(name);
                for (var i = 0; i < n; i++)
                {
                    if (rowOf![i] >= 0)
                    {
                        values[i] = Number(column, rowOf[i]);
                    }
                }
            }
            return values;
        }
        double[] Cut(double[] source, Func<double, bool> rule) =>
            source.Select(v => double.IsNaN(v) ? double.NaN : rule(v) ? 1.0 : 0.0).ToArray();

        var clavien = new string?[n];
        if (supplement is not null && supplement.HasColumn("clavien_dindo"))
        {
            var column = supplement.Column("clavien_dindo");
            for (var i = 0; i < n; i++)
            {
                clavien[i] = rowOf![i] >= 0 ? column.TextAt(rowOf[i]) : null;
            }
        }
        var major = clavien.Select(c => c is null ? double.NaN : c is "IIIa" or "IIIb" or "IVa" or "IVb" or "V" ? 1.0 : c == "none" || c.StartsWith('I') ? 0.0 : double.NaN).ToArray();
        var toxicity = Numbers("late_toxicity_grade");
        var lesion = Numbers("pm_lesion_cm");
        return
        [
            new DataColumn("wound_complication", ColumnKind.Numeric, Numbers("wound_complication"), null),
            new DataColumn("late_toxicity_grade", ColumnKind.Numeric, toxicity, null),
            new DataColumn("late_toxicity", ColumnKind.Numeric, Cut(toxicity, g => g >= 1), null),
            new DataColumn("systemic_therapy", ColumnKind.Numeric, Numbers("systemic_therapy"), null),
            new DataColumn("metastasectomy", ColumnKind.Numeric, Numbers("metastasectomy"), null),
            new DataColumn("pm_lesion_cm", ColumnKind.Numeric, lesion, null),
            new DataColumn("pm_lesion_gt2", ColumnKind.Numeric, Cut(lesion, v => v > 2), null),
            new DataColumn("pm_lesion_count", ColumnKind.Numeric, Numbers("pm_lesion_count"), null),
            new DataColumn("clavien_dindo", ColumnKind.Text, null, clavien),
            new DataColumn("clavien_major", ColumnKind.Numeric, major, null),
            new DataColumn("relapse_resected", ColumnKind.Numeric, Numbers("relapse_resected"), null),
        ];
    }

    private static int[] JoinRows(DataFrame template, DataColumn templateIds, DataFrame supplement)
    {
        var ids = supplement.Column("patient_id");
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < template.RowCount; i++)
        {
            index[templateIds.TextAt(i) ?? ""] = i;
        }
        var rowOf = new int[template.RowCount];
        Array.Fill(rowOf, -1);
        for (var r = 0; r < supplement.RowCount; r++)
        {
            var key = ids.TextAt(r) ?? "";
            if (!index.TryGetValue(key, out var row))
            {
                throw new DataInputException($"{supplement.Source}:{supplement.LineNumbers[r]}: patient_id '{key}' is not in the registry");
            }
            rowOf[row] = r;
        }
        return rowOf;
    }

    private static double Number(DataColumn column, int row)
    {
        if (column.Numbers is { } numbers)
        {
            return numbers[row];
        }
        return double.TryParse(column.Texts![row], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN;
    }

    private static DateOnly? Date(DataFrame frame, DataColumn column, int row)
    {
        var cell = column.TextAt(row);
        if (cell is null)
        {
            return null;
        }
        if (!DateOnly.TryParseExact(cell, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new DataInputException($"{frame.Source}:{frame.LineNumbers[row]}: column '{column.Name}': '{cell}' is not a date (yyyy-MM-dd)");
        }
        return date;
    }

    private static DateOnly? Earliest(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a < b ? a : b;
}
