using Sarc.Registry.Domain;

namespace Sarc.Registry.Validation;

/// <summary>
/// A patient being assembled by an import, before the rules that span rows are checked (<see cref="RecordRules"/>):
/// the patient's own values and every list entry with the row it came from. Unlike a <see cref="PatientRecord"/> it
/// may break the rules (no primary surgery, two deaths), so that they can be reported.
/// </summary>
internal sealed class PatientDraft(string id)
{
    public string Id { get; } = id;

    /// <summary>The row holding the patient's own values (patients file, flat row), or the registry.</summary>
    public SourceRow PatientRow { get; set; } = SourceRow.Registry;

    /// <summary>The file of the patient's own values, for messages (the long format's <c>patients</c> file).</summary>
    public string? PatientFile { get; set; }

    public Patient? Patient { get; set; }

    public PrimaryTumor? Tumor { get; set; }

    public Comorbidity Comorbidity { get; set; } = Comorbidity.None;

    public List<Located<Surgery>> Surgeries { get; } = [];

    public List<Located<RadiotherapyCourse>> Radiotherapy { get; } = [];

    public List<Located<SystemicTherapyLine>> Systemic { get; } = [];

    public List<Located<OutcomeEvent>> Events { get; } = [];

    public List<Located<FollowUpContact>> FollowUps { get; } = [];

    /// <summary>A draft of a stored (or flat-merged) record, every entry attributed to <paramref name="where"/>.</summary>
    public static PatientDraft Of(PatientRecord record, SourceRow where)
    {
        var draft = new PatientDraft(record.Id)
        {
            PatientRow = where,
            Patient = record.Patient,
            Tumor = record.Tumor,
            Comorbidity = record.Comorbidity,
        };
        draft.Surgeries.AddRange(record.Surgeries.Select(e => new Located<Surgery>(e, where)));
        draft.Radiotherapy.AddRange(record.Radiotherapy.Select(e => new Located<RadiotherapyCourse>(e, where)));
        draft.Systemic.AddRange(record.Systemic.Select(e => new Located<SystemicTherapyLine>(e, where)));
        draft.Events.AddRange(record.Events.Select(e => new Located<OutcomeEvent>(e, where)));
        draft.FollowUps.AddRange(record.FollowUps.Select(e => new Located<FollowUpContact>(e, where)));
        return draft;
    }

    /// <summary>The record; call only when <see cref="RecordRules.Check"/> found nothing.</summary>
    public PatientRecord ToRecord() => new(
        Patient ?? throw new InvalidOperationException($"Patient '{Id}' has no patient row."),
        Tumor ?? throw new InvalidOperationException($"Patient '{Id}' has no tumor."),
        Comorbidity,
        Surgeries.ConvertAll(e => e.Entry),
        Radiotherapy.ConvertAll(e => e.Entry),
        Systemic.ConvertAll(e => e.Entry),
        Events.ConvertAll(e => e.Entry),
        FollowUps.ConvertAll(e => e.Entry));
}
