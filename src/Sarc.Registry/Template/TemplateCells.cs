using Sarc.Registry.Codes;
using Sarc.Registry.Domain;
using R = Sarc.Registry.Codes.RegistryCodes;

namespace Sarc.Registry.Template;

/// <summary>
/// The flat-template view of a <see cref="PatientRecord"/>: one text cell per <see cref="TemplateColumns"/> position,
/// "" for unknown. Shows the primary surgery (date, margin, necrosis), the primary radiotherapy course
/// (<see cref="PatientRecord.PrimaryRadiotherapy"/>), the first local recurrence and distant metastasis, the death, and
/// as <c>last_followup_date</c> the death date, else the latest follow-up contact, else the last contact.
/// </summary>
public static class TemplateCells
{
    /// <summary>The <see cref="TemplateColumns.Count"/> cells of <paramref name="record"/> in template order.</summary>
    public static string[] Of(PatientRecord record)
    {
        var cells = new string[TemplateColumns.Count];
        var p = record.Patient;
        cells[TemplateColumns.PatientId] = p.Id;
        cells[TemplateColumns.Center] = p.Center;
        cells[TemplateColumns.Sex] = R.Sex.Code(p.Sex);
        cells[TemplateColumns.BirthDate] = CellText.Date(p.BirthDate);
        cells[TemplateColumns.LastFollowUpDate] = CellText.Date(LastFollowUp(record));
        var t = record.Tumor;
        cells[TemplateColumns.DiagnosisDate] = CellText.Date(t.DiagnosisDate);
        cells[TemplateColumns.Histology] = t.Histology;
        cells[TemplateColumns.Site] = R.Site.Code(t.Site);
        cells[TemplateColumns.Depth] = R.Depth.Code(t.Depth);
        cells[TemplateColumns.SizeCm] = CellText.Number(t.SizeCm);
        cells[TemplateColumns.Grade] = R.Grade.Code(t.Grade);
        var surgery = record.PrimarySurgery;
        cells[TemplateColumns.SurgeryDate] = CellText.Date(surgery.Date);
        cells[TemplateColumns.Margin] = R.Margin.Code(surgery.Margin);
        cells[TemplateColumns.NecrosisPct] = CellText.Number(surgery.NecrosisPct);
        var c = record.Comorbidity;
        cells[TemplateColumns.Smoking] = R.Smoking.Code(c.Smoking);
        cells[TemplateColumns.Bmi] = CellText.Number(c.Bmi);
        cells[TemplateColumns.Charlson] = CellText.Integer(c.Charlson);
        var rt = record.PrimaryRadiotherapy;
        cells[TemplateColumns.RtSetting] = R.RadiotherapySetting.Code(rt?.Setting);
        cells[TemplateColumns.RtDoseGy] = rt is null ? "" : CellText.Number(rt.DoseGy);
        cells[TemplateColumns.RtFractions] = rt is null ? "" : CellText.Integer(rt.Fractions);
        cells[TemplateColumns.RtEndDate] = CellText.Date(rt?.EndDate);
        cells[TemplateColumns.LrDate] = CellText.Date(record.First(OutcomeEventKind.LocalRecurrence)?.Date);
        cells[TemplateColumns.DmDate] = CellText.Date(record.First(OutcomeEventKind.DistantMetastasis)?.Date);
        cells[TemplateColumns.DeathDate] = CellText.Date(record.Death?.Date);
        cells[TemplateColumns.DeathCause] = R.DeathCause.Code(record.Death?.Cause);
        return cells;
    }

    /// <summary>
    /// The template's <c>last_followup_date</c>: the death date for a patient who died, else the latest follow-up contact,
    /// else (no contact recorded) <see cref="PatientRecord.LastContact"/>.
    /// </summary>
    public static DateOnly LastFollowUp(PatientRecord record) =>
        record.Death?.Date ?? record.LastFollowUp?.Date ?? record.LastContact;

    /// <summary>
    /// Whether the flat template shows all of <paramref name="record"/>: one surgery (the primary, with no more than its
    /// margin and necrosis), at most one radiotherapy course with no target, start or toxicity, no systemic therapy, at
    /// most one local recurrence and one distant metastasis without details, no recorded metastatic-at-diagnosis flag,
    /// and follow-up only as a last date.
    /// </summary>
    public static bool ShowsAll(PatientRecord record)
    {
        var s = record.PrimarySurgery;
        if (record.Surgeries.Count != 1 || s.Target is not null || s.Lesions is not null || s.MaxLesionCm is not null
            || s.ClavienDindo is not null || s.WoundComplication is not null || s.Margin is null)
        {
            return false;
        }
        if (record.Radiotherapy.Count > 1 || record.Systemic.Count > 0 || record.Tumor.MetastaticAtDiagnosis is not null)
        {
            return false;
        }
        if (record.Radiotherapy.Count == 1 && record.Radiotherapy[0] is { } c && (c.Target is not null || c.StartDate is not null || c.LateToxicityGrade is not null))
        {
            return false;
        }
        int lr = 0, dm = 0;
        foreach (var e in record.Events)
        {
            lr += e.Kind == OutcomeEventKind.LocalRecurrence ? 1 : 0;
            dm += e.Kind == OutcomeEventKind.DistantMetastasis ? 1 : 0;
            if (e.Site is not null || e.Lesions is not null || e.MaxLesionCm is not null)
            {
                return false;
            }
        }
        if (lr > 1 || dm > 1)
        {
            return false;
        }
        var contacts = record.Death is null ? 1 : 0;
        return record.FollowUps.Count <= contacts && record.FollowUps.All(f => f.Status is null);
    }
}
