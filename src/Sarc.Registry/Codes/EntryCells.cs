using Sarc.Registry.Domain;
using R = Sarc.Registry.Codes.RegistryCodes;

namespace Sarc.Registry.Codes;

/// <summary>
/// The text cells of each list entry in the long format's column order, without the leading <c>patient_id</c>
/// (docs/formats.md): what the long export writes, what the audit trail records, and what the canonical order of a
/// patient's entries compares. "" = not recorded.
/// </summary>
public static class EntryCells
{
    /// <summary><c>date, kind, target, margin, necrosis_pct, lesions, max_lesion_cm, clavien_dindo, wound_complication</c>.</summary>
    public static string[] Of(Surgery s) =>
    [
        CellText.Date(s.Date), R.SurgeryKind.Code(s.Kind), R.Target.Code(s.Target), R.Margin.Code(s.Margin),
        CellText.Number(s.NecrosisPct), CellText.Integer(s.Lesions), CellText.Number(s.MaxLesionCm),
        R.ClavienDindo.Code(s.ClavienDindo), R.Code(s.WoundComplication),
    ];

    /// <summary><c>setting, target, dose_gy, fractions, start_date, end_date, late_toxicity_grade</c>.</summary>
    public static string[] Of(RadiotherapyCourse c) =>
    [
        R.RadiotherapySetting.Code(c.Setting), R.RadiotherapyTarget.Code(c.Target), CellText.Number(c.DoseGy),
        CellText.Integer(c.Fractions), CellText.Date(c.StartDate), CellText.Date(c.EndDate), CellText.Integer(c.LateToxicityGrade),
    ];

    /// <summary><c>regimen, intent, start_date, end_date</c>.</summary>
    public static string[] Of(SystemicTherapyLine l) =>
        [l.Regimen ?? "", R.SystemicIntent.Code(l.Intent), CellText.Date(l.StartDate), CellText.Date(l.EndDate)];

    /// <summary><c>date, kind, site, lesions, max_lesion_cm, cause</c>.</summary>
    public static string[] Of(OutcomeEvent e) =>
    [
        CellText.Date(e.Date), R.EventKind.Code(e.Kind), R.Target.Code(e.Site), CellText.Integer(e.Lesions),
        CellText.Number(e.MaxLesionCm), R.DeathCause.Code(e.Cause),
    ];

    /// <summary><c>date, status</c>.</summary>
    public static string[] Of(FollowUpContact f) => [CellText.Date(f.Date), R.FollowUpStatus.Code(f.Status)];
}
