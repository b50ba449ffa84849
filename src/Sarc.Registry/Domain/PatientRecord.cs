namespace Sarc.Registry.Domain;

/// <summary>
/// Everything the registry holds about one patient: the aggregate that storage reads and writes as a unit. Lists may
/// hold several surgeries, radiotherapy courses and events; the flat import template is one view of it (the primary
/// surgery, one course, the first event of each kind).
/// </summary>
public sealed class PatientRecord
{
    /// <exception cref="ArgumentException"><paramref name="surgeries"/> is empty: the time origin of every endpoint is the primary surgery.</exception>
    public PatientRecord(
        Patient patient,
        PrimaryTumor tumor,
        IReadOnlyList<Surgery> surgeries,
        IReadOnlyList<RadiotherapyCourse> radiotherapy,
        Pathology? pathology,
        Comorbidity? comorbidity,
        IReadOnlyList<OutcomeEvent> events)
    {
        if (surgeries.Count == 0)
        {
            throw new ArgumentException("A patient record needs its primary surgery.", nameof(surgeries));
        }
        Patient = patient;
        Tumor = tumor;
        Surgeries = surgeries;
        Radiotherapy = radiotherapy;
        Pathology = pathology;
        Comorbidity = comorbidity;
        Events = events;
    }

    public Patient Patient { get; }

    public string Id => Patient.Id;

    public PrimaryTumor Tumor { get; }

    /// <summary>Resections in the order recorded; the first is the primary surgery, the time origin.</summary>
    public IReadOnlyList<Surgery> Surgeries { get; }

    public IReadOnlyList<RadiotherapyCourse> Radiotherapy { get; }

    public Pathology? Pathology { get; }

    public Comorbidity? Comorbidity { get; }

    public IReadOnlyList<OutcomeEvent> Events { get; }

    /// <summary>The primary surgery: origin of every endpoint.</summary>
    public Surgery PrimarySurgery => Surgeries[0];

    /// <summary>The earliest event of <paramref name="kind"/>, or null when the patient had none.</summary>
    public OutcomeEvent? First(OutcomeEventKind kind)
    {
        OutcomeEvent? first = null;
        foreach (var e in Events)
        {
            if (e.Kind == kind && (first is null || e.Date < first.Date))
            {
                first = e;
            }
        }
        return first;
    }
}
