using Sarc.Registry.Domain;

namespace Sarc.Registry.Template;

/// <summary>
/// The flat-template view of a <see cref="PatientRecord"/>: one text cell per <see cref="TemplateColumns"/> position,
/// "" for unknown. Uses the primary surgery, the first radiotherapy course and the first event of each kind.
/// </summary>
public static class TemplateCells
{
    /// <summary>The <see cref="TemplateColumns.Count"/> cells of <paramref name="record"/> in template order.</summary>
    public static string[] Of(PatientRecord record)
    {
        var cells = new string[TemplateColumns.Count];
        Array.Fill(cells, "");
        var p = record.Patient;
        cells[TemplateColumns.PatientId] = p.Id;
        cells[TemplateColumns.Center] = p.Center;
        cells[TemplateColumns.Sex] = TemplateCodes.Code(p.Sex);
        cells[TemplateColumns.BirthDate] = TemplateCodes.Date(p.BirthDate);
        cells[TemplateColumns.LastFollowUpDate] = TemplateCodes.Date(p.LastFollowUp);
        var t = record.Tumor;
        cells[TemplateColumns.DiagnosisDate] = TemplateCodes.Date(t.DiagnosisDate);
        cells[TemplateColumns.Histology] = t.Histology;
        cells[TemplateColumns.Site] = TemplateCodes.Code(t.Site);
        if (t.Depth is { } depth)
        {
            cells[TemplateColumns.Depth] = TemplateCodes.Code(depth);
        }
        if (t.SizeCm is { } size)
        {
            cells[TemplateColumns.SizeCm] = TemplateCodes.Number(size);
        }
        cells[TemplateColumns.Grade] = TemplateCodes.Code(t.Grade);
        cells[TemplateColumns.SurgeryDate] = TemplateCodes.Date(record.PrimarySurgery.Date);
        cells[TemplateColumns.Margin] = TemplateCodes.Code(record.PrimarySurgery.Margin);
        if (record.Comorbidity is { } c)
        {
            if (c.Smoking is { } smoking)
            {
                cells[TemplateColumns.Smoking] = TemplateCodes.Code(smoking);
            }
            if (c.Bmi is { } bmi)
            {
                cells[TemplateColumns.Bmi] = TemplateCodes.Number(bmi);
            }
            if (c.Charlson is { } charlson)
            {
                cells[TemplateColumns.Charlson] = TemplateCodes.Integer(charlson);
            }
        }
        if (record.Radiotherapy.Count > 0)
        {
            var rt = record.Radiotherapy[0];
            if (rt.Setting is { } setting)
            {
                cells[TemplateColumns.RtSetting] = TemplateCodes.Code(setting);
            }
            cells[TemplateColumns.RtDoseGy] = TemplateCodes.Number(rt.DoseGy);
            cells[TemplateColumns.RtFractions] = TemplateCodes.Integer(rt.Fractions);
            if (rt.EndDate is { } end)
            {
                cells[TemplateColumns.RtEndDate] = TemplateCodes.Date(end);
            }
        }
        if (record.Pathology?.NecrosisPct is { } necrosis)
        {
            cells[TemplateColumns.NecrosisPct] = TemplateCodes.Number(necrosis);
        }
        if (record.First(OutcomeEventKind.LocalRecurrence) is { } lr)
        {
            cells[TemplateColumns.LrDate] = TemplateCodes.Date(lr.Date);
        }
        if (record.First(OutcomeEventKind.DistantMetastasis) is { } dm)
        {
            cells[TemplateColumns.DmDate] = TemplateCodes.Date(dm.Date);
        }
        if (record.First(OutcomeEventKind.Death) is { } death)
        {
            cells[TemplateColumns.DeathDate] = TemplateCodes.Date(death.Date);
            if (death.Cause is { } cause)
            {
                cells[TemplateColumns.DeathCause] = TemplateCodes.Code(cause);
            }
        }
        return cells;
    }
}
