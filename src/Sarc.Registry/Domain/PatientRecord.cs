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
        Events = InDateOrder(events);
    }

    public Patient Patient { get; }

    public string Id => Patient.Id;

    public PrimaryTumor Tumor { get; }

    /// <summary>Resections in the order recorded; the first is the primary surgery, the time origin.</summary>
    public IReadOnlyList<Surgery> Surgeries { get; }

    public IReadOnlyList<RadiotherapyCourse> Radiotherapy { get; }

    public Pathology? Pathology { get; }

    public Comorbidity? Comorbidity { get; }

    /// <summary>Outcome events in date order; on the same date in <see cref="OutcomeEventKind"/> order (LR, DM, death).</summary>
    public IReadOnlyList<OutcomeEvent> Events { get; }

    /// <summary>The primary surgery: origin of every endpoint.</summary>
    public Surgery PrimarySurgery => Surgeries[0];

    /// <summary>
    /// True when a distant metastasis is recorded on or before the primary surgery: disease present at diagnosis (M1),
    /// not a relapse — the same rule the endpoints and studies use.
    /// </summary>
    public bool MetastaticAtDiagnosis => First(OutcomeEventKind.DistantMetastasis) is { } dm && dm.Date <= PrimarySurgery.Date;

    /// <summary>AJCC 8th stage group at diagnosis (N0 assumed; M from <see cref="MetastaticAtDiagnosis"/>), or null where it cannot be derived.</summary>
    public string? AjccStage => AjccStaging.StageGroup(Tumor.Site, Tumor.SizeCm, Tumor.Grade, MetastaticAtDiagnosis);

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

    private static OutcomeEvent[] InDateOrder(IReadOnlyList<OutcomeEvent> events)
    {
        var sorted = events.ToArray();
        // Insertion sort: a stable order by (date, kind) for the handful of events a patient has.
        for (var i = 1; i < sorted.Length; i++)
        {
            var e = sorted[i];
            var j = i - 1;
            while (j >= 0 && (sorted[j].Date > e.Date || (sorted[j].Date == e.Date && sorted[j].Kind > e.Kind)))
            {
                sorted[j + 1] = sorted[j];
                j--;
            }
            sorted[j + 1] = e;
        }
        return sorted;
    }
}
