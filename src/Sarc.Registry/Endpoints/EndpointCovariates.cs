using Sarc.Registry.Codes;
using Sarc.Registry.Domain;
using C = Sarc.Registry.Endpoints.EndpointColumn;
using R = Sarc.Registry.Codes.RegistryCodes;

namespace Sarc.Registry.Endpoints;

/// <summary>
/// The covariates on every endpoint row and in every study's dataset, in output order (docs/formats.md). Yes/no
/// covariates are 0/1; missing is empty in a CSV, NaN or null in a study. "Primary" values are those of the primary
/// surgery and of the primary radiotherapy course (<see cref="PatientRecord.PrimaryRadiotherapy"/>); the <c>pm_</c>
/// values those of the first metastasectomy.
/// </summary>
public static class EndpointCovariates
{
    private const double NA = double.NaN;

    /// <summary>Every covariate column, in output order; names are unique.</summary>
    public static IReadOnlyList<EndpointColumn> All { get; } =
    [
        C.Numeric("age", "years at the primary surgery (days / 365.25)", p => EndpointTime.Years(p.Record.Patient.BirthDate, p.Record.PrimarySurgery.Date)),
        C.Numeric("surgery_year", "calendar year of the primary surgery", p => p.Record.PrimarySurgery.Date.Year),
        C.Textual("sex", "M or F", p => R.Sex.Code(p.Record.Patient.Sex)),
        C.Textual("center", "the patient's center", p => p.Record.Patient.Center),
        C.Textual("histology", "ICD-O-3 morphology code", p => p.Record.Tumor.Histology),
        C.Textual("histology_name", "short histology name (LMS, SyS, UPS, LPS, DDLPS, MLPS, PLPS, MFS, MPNST, AS), else the code", p => HistologyNames.ShortNameOf(p.Record.Tumor.Histology)),
        C.Textual("site", "site code", p => R.Site.Code(p.Record.Tumor.Site)),
        C.Textual("depth", "superficial or deep", p => Text(R.Depth.Code(p.Record.Tumor.Depth))),
        C.Numeric("deep", "1 = deep", p => p.Record.Tumor.Depth is { } d ? (d == TumorDepth.Deep ? 1 : 0) : NA),
        C.Numeric("size_cm", "largest diameter, cm", p => p.Record.Tumor.SizeCm ?? NA),
        C.Numeric("size_gt5", "1 = size > 5 cm", p => p.Record.Tumor.SizeCm is { } s ? (s > 5 ? 1 : 0) : NA),
        C.Textual("grade", "FNCLCC 1, 2, 3 or X", p => R.Grade.Code(p.Record.Tumor.Grade)),
        C.Numeric("high_grade", "1 = grade 2 or 3, 0 = grade 1, missing for X", p => p.Record.Tumor.Grade switch { FnclccGrade.G2 or FnclccGrade.G3 => 1, FnclccGrade.G1 => 0, _ => NA }),
        C.Textual("ajcc_t", "AJCC 8th T category", p => p.Record.Tumor.AjccT),
        C.Textual("ajcc_stage", "AJCC 8th stage group (N0 assumed)", p => p.Record.AjccStage),
        C.Numeric("metastatic_at_diagnosis", "1 = recorded so, or a distant metastasis on or before the primary surgery", p => p.MetastaticAtDiagnosis ? 1 : 0),
        C.Textual("margin", "margin of the primary surgery", p => Text(R.Margin.Code(p.Record.PrimarySurgery.Margin))),
        C.Numeric("necrosis_pct", "necrosis % of the primary surgery's specimen", p => p.Record.PrimarySurgery.NecrosisPct ?? NA),
        C.Numeric("wound_complication", "1 = major wound complication after the primary surgery", p => Flag(p.Record.PrimarySurgery.WoundComplication)),
        C.Textual("smoking", "never, former or current", p => Text(R.Smoking.Code(p.Record.Comorbidity.Smoking))),
        C.Numeric("ever_smoker", "1 = former or current smoker", p => p.Record.Comorbidity.Smoking is { } s ? (s == SmokingStatus.Never ? 0 : 1) : NA),
        C.Numeric("bmi", "body-mass index, kg/m²", p => p.Record.Comorbidity.Bmi ?? NA),
        C.Numeric("charlson", "Charlson comorbidity index", p => p.Record.Comorbidity.Charlson is { } c ? c : NA),
        C.Textual("rt_setting", "setting of the primary radiotherapy course", p => Text(R.RadiotherapySetting.Code(p.Record.PrimaryRadiotherapy?.Setting))),
        C.Numeric("rt_dose_gy", "total dose of the primary course, Gy", p => p.Record.PrimaryRadiotherapy?.DoseGy ?? NA),
        C.Numeric("rt_fractions", "fractions of the primary course", p => p.Record.PrimaryRadiotherapy is { } c ? c.Fractions : NA),
        C.Numeric("eqd2", "EQD2 of the primary course at α/β 4 Gy, Gy", p => p.Record.PrimaryRadiotherapy?.Eqd2 ?? NA),
        C.Numeric("rt_to_surgery_days", "days from the end of the primary course to the primary surgery", p =>
            p.Record.PrimaryRadiotherapy?.EndDate is { } end ? p.Record.PrimarySurgery.Date.DayNumber - end.DayNumber : NA),
        C.Numeric("late_toxicity_grade", "worst late toxicity of any course, CTCAE 0–5", WorstToxicity),
        C.Numeric("late_toxicity", "1 = late toxicity grade 1 or worse", p => WorstToxicity(p) is var g && double.IsNaN(g) ? NA : g >= 1 ? 1 : 0),
        C.Numeric("systemic_any", "1 = any systemic therapy line", p => p.Record.Systemic.Count > 0 ? 1 : 0),
        C.Numeric("lr", "1 = a local recurrence", p => p.Record.First(OutcomeEventKind.LocalRecurrence) is null ? 0 : 1),
        C.Numeric("dm", "1 = a distant metastasis after the primary surgery", p => p.Record.FirstAfter(OutcomeEventKind.DistantMetastasis, p.Record.PrimarySurgery.Date) is null ? 0 : 1),
        C.Numeric("death", "1 = died", p => p.Record.Death is null ? 0 : 1),
        C.Numeric("relapse", "1 = LR or DM after the primary surgery", p => p.FirstRelapse is null ? 0 : 1),
        C.Numeric("n_lr", "number of local recurrences", p => Count(p.Record.Events, e => e.Kind == OutcomeEventKind.LocalRecurrence)),
        C.Textual("relapse_type", "first relapse: lr, dm or lr+dm (same day)", p => p.RelapseType),
        C.Numeric("relapse_months", "months from the primary surgery to the first relapse", p => p.FirstRelapse is { } r ? EndpointTime.Months(p.Record.PrimarySurgery.Date, r) : NA),
        C.Numeric("relapse_gt12", "1 = first relapse more than 12 months after the primary surgery", p =>
            p.FirstRelapse is { } r ? (EndpointTime.Months(p.Record.PrimarySurgery.Date, r) > 12 ? 1 : 0) : NA),
        C.Numeric("relapse_resected", "1 = a recurrence resection or metastasectomy on or after the first relapse (missing without a relapse)", RelapseResected),
        C.Numeric("n_metastasectomies", "number of metastasectomies", p => Count(p.Record.Surgeries, s => s.Kind == SurgeryKind.Metastasectomy)),
        C.Numeric("tfi_months", "treatment-free interval: months from the primary surgery to the first distant metastasis", p =>
            p.Record.First(OutcomeEventKind.DistantMetastasis) is { } dm ? EndpointTime.Months(p.Record.PrimarySurgery.Date, dm.Date) : NA),
        C.Numeric("pm_lesions", "lesions resected at the first metastasectomy", p => p.FirstMetastasectomy?.Lesions is { } n ? n : NA),
        C.Numeric("pm_max_lesion_cm", "largest lesion at the first metastasectomy, cm", p => p.FirstMetastasectomy?.MaxLesionCm ?? NA),
        C.Textual("pm_clavien_dindo", "Clavien-Dindo grade after the first metastasectomy", p => Text(R.ClavienDindo.Code(p.FirstMetastasectomy?.ClavienDindo))),
        C.Numeric("pm_clavien_major", "1 = Clavien-Dindo IIIa or worse after the first metastasectomy", p =>
            p.FirstMetastasectomy?.ClavienDindo is { } g ? (g >= ClavienDindoGrade.IIIa ? 1 : 0) : NA),
        C.Numeric("pm_systemic", "1 = a perioperative systemic line, or one starting within 90 days of the first metastasectomy", PerioperativeSystemic),
    ];

    /// <summary>Days either side of a metastasectomy within which a systemic line counts as perioperative.</summary>
    public const int PerioperativeDays = 90;

    private static double WorstToxicity(PatientEndpoints p)
    {
        var worst = -1;
        foreach (var c in p.Record.Radiotherapy)
        {
            if (c.LateToxicityGrade is { } g && g > worst)
            {
                worst = g;
            }
        }
        return worst < 0 ? NA : worst;
    }

    private static double RelapseResected(PatientEndpoints p)
    {
        if (p.FirstRelapse is not { } relapse)
        {
            return NA;
        }
        foreach (var s in p.Record.Surgeries)
        {
            if (s.Kind is SurgeryKind.RecurrenceResection or SurgeryKind.Metastasectomy && s.Date >= relapse)
            {
                return 1;
            }
        }
        return 0;
    }

    private static double PerioperativeSystemic(PatientEndpoints p)
    {
        if (p.FirstMetastasectomy is not { } pm)
        {
            return NA;
        }
        foreach (var line in p.Record.Systemic)
        {
            if (line.Intent == SystemicIntent.Perioperative || Math.Abs(line.StartDate.DayNumber - pm.Date.DayNumber) <= PerioperativeDays)
            {
                return 1;
            }
        }
        return 0;
    }

    private static double Flag(bool? value) => value is { } v ? (v ? 1 : 0) : NA;

    private static string? Text(string code) => code.Length == 0 ? null : code;

    private static int Count<T>(IReadOnlyList<T> items, Func<T, bool> which)
    {
        var n = 0;
        foreach (var item in items)
        {
            if (which(item))
            {
                n++;
            }
        }
        return n;
    }
}
