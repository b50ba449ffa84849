namespace Sarc.Registry.Domain;

/// <summary>
/// Everything the registry holds about one patient: the aggregate that storage reads and writes as a unit. Each list is
/// held in one canonical order — by date, then kind, then the remaining fields as the long format writes them — so two
/// records with the same entries are equal entry by entry whatever order they were given in, and the long export
/// writes them in that order. The flat template is one view of it (<see cref="Template.TemplateCells"/>).
/// </summary>
public sealed class PatientRecord
{
    /// <exception cref="ArgumentException"><paramref name="surgeries"/> does not hold exactly one <see cref="SurgeryKind.Primary"/> surgery (the time origin of every endpoint), or <paramref name="events"/> holds more than one death.</exception>
    public PatientRecord(
        Patient patient,
        PrimaryTumor tumor,
        Comorbidity comorbidity,
        IReadOnlyList<Surgery> surgeries,
        IReadOnlyList<RadiotherapyCourse> radiotherapy,
        IReadOnlyList<SystemicTherapyLine> systemic,
        IReadOnlyList<OutcomeEvent> events,
        IReadOnlyList<FollowUpContact> followUps)
    {
        Patient = patient;
        Tumor = tumor;
        Comorbidity = comorbidity;
        Surgeries = EntryOrder.Sorted(surgeries, EntryOrder.Surgery);
        Radiotherapy = EntryOrder.Sorted(radiotherapy, EntryOrder.Radiotherapy);
        Systemic = EntryOrder.Sorted(systemic, EntryOrder.Systemic);
        Events = EntryOrder.Sorted(events, EntryOrder.Event);
        FollowUps = EntryOrder.Sorted(followUps, EntryOrder.FollowUp);
        var primaries = 0;
        foreach (var s in Surgeries)
        {
            if (s.Kind == SurgeryKind.Primary)
            {
                PrimarySurgery = s;
                primaries++;
            }
        }
        if (primaries != 1)
        {
            throw new ArgumentException($"A patient record needs exactly one primary surgery, found {primaries}.", nameof(surgeries));
        }
        PrimarySurgery ??= Surgeries[0];
        foreach (var e in Events)
        {
            if (e.Kind == OutcomeEventKind.Death)
            {
                if (Death is not null)
                {
                    throw new ArgumentException("A patient record holds at most one death.", nameof(events));
                }
                Death = e;
            }
        }
        LastContact = LatestDate();
        foreach (var course in Radiotherapy)
        {
            if (course.Target != RadiotherapyTarget.Metastasis)
            {
                PrimaryRadiotherapy = course;
                break;
            }
        }
    }

    /// <summary>Identity, center, sex and dates of birth and diagnosis.</summary>
    public Patient Patient { get; }

    /// <summary>
    /// The stored row version: 1 when the patient was added, one more with each change; 0 for a record not read from a
    /// registry. A change made on a record read at an older version is refused (optimistic concurrency, see
    /// <see cref="Template.ImportRow.OpenedVersion"/>).
    /// </summary>
    public int Version { get; init; }

    /// <summary>The patient's registry id (<see cref="Patient"/>'s).</summary>
    public string Id => Patient.Id;

    /// <summary>The primary tumor: histology, site, depth, size, grade and AJCC T.</summary>
    public PrimaryTumor Tumor { get; }

    /// <summary>Smoking, BMI and Charlson index (<see cref="Comorbidity.None"/> when nothing is recorded).</summary>
    public Comorbidity Comorbidity { get; }

    /// <summary>Every operation in canonical order (date, kind, ...).</summary>
    public IReadOnlyList<Surgery> Surgeries { get; }

    /// <summary>Radiotherapy courses in canonical order (start date, unknown first; setting; ...).</summary>
    public IReadOnlyList<RadiotherapyCourse> Radiotherapy { get; }

    /// <summary>Systemic therapy lines in canonical order (start date, intent, ...).</summary>
    public IReadOnlyList<SystemicTherapyLine> Systemic { get; }

    /// <summary>Outcome events in date order; on the same date in <see cref="OutcomeEventKind"/> order (LR, DM, death).</summary>
    public IReadOnlyList<OutcomeEvent> Events { get; }

    /// <summary>Follow-up contacts in date order.</summary>
    public IReadOnlyList<FollowUpContact> FollowUps { get; }

    /// <summary>The one primary surgery: origin of every endpoint.</summary>
    public Surgery PrimarySurgery { get; }

    /// <summary>The death, or null while the patient is alive (as far as the registry knows).</summary>
    public OutcomeEvent? Death { get; }

    /// <summary>
    /// The last date the patient is known to have been alive and seen: the latest date among follow-up contacts,
    /// events, surgeries, radiotherapy and systemic therapy (start and end dates). Where a living patient is censored.
    /// </summary>
    public DateOnly LastContact { get; }

    /// <summary>The latest follow-up contact, or null when none is recorded.</summary>
    public FollowUpContact? LastFollowUp => FollowUps.Count == 0 ? null : FollowUps[^1];

    /// <summary>
    /// True when the center recorded the tumor as metastatic at diagnosis, or a distant metastasis is dated on or before
    /// the primary surgery (disease present at diagnosis, M1, not a relapse): the rule every endpoint uses.
    /// </summary>
    public bool MetastaticAtDiagnosis
    {
        get
        {
            if (Tumor.MetastaticAtDiagnosis == true)
            {
                return true;
            }
            foreach (var e in Events)
            {
                if (e.Kind == OutcomeEventKind.DistantMetastasis && e.Date <= PrimarySurgery.Date)
                {
                    return true;
                }
            }
            return false;
        }
    }

    /// <summary>AJCC 8th stage group at diagnosis (N0 assumed; M from <see cref="MetastaticAtDiagnosis"/>), or null where it cannot be derived.</summary>
    public string? AjccStage => AjccStaging.StageGroup(Tumor.Site, Tumor.SizeCm, Tumor.Grade, MetastaticAtDiagnosis);

    /// <summary>
    /// The course of the primary tumor: the first course (canonical order) not aimed at a metastasis, or null. The flat
    /// template's <c>rt_*</c> columns and the endpoint covariates describe this course.
    /// </summary>
    public RadiotherapyCourse? PrimaryRadiotherapy { get; }

    /// <summary>The earliest event of <paramref name="kind"/>, or null when the patient had none.</summary>
    public OutcomeEvent? First(OutcomeEventKind kind)
    {
        foreach (var e in Events)
        {
            if (e.Kind == kind)
            {
                return e;
            }
        }
        return null;
    }

    /// <summary>The earliest event of <paramref name="kind"/> dated strictly after <paramref name="date"/>, or null.</summary>
    public OutcomeEvent? FirstAfter(OutcomeEventKind kind, DateOnly date)
    {
        foreach (var e in Events)
        {
            if (e.Kind == kind && e.Date > date)
            {
                return e;
            }
        }
        return null;
    }

    private DateOnly LatestDate()
    {
        var latest = PrimarySurgery.Date;
        static DateOnly Max(DateOnly a, DateOnly? b) => b is { } d && d > a ? d : a;
        foreach (var s in Surgeries)
        {
            latest = Max(latest, s.Date);
        }
        foreach (var c in Radiotherapy)
        {
            latest = Max(Max(latest, c.StartDate), c.EndDate);
        }
        foreach (var l in Systemic)
        {
            latest = Max(Max(latest, l.StartDate), l.EndDate);
        }
        foreach (var e in Events)
        {
            latest = Max(latest, e.Date);
        }
        foreach (var f in FollowUps)
        {
            latest = Max(latest, f.Date);
        }
        return latest;
    }
}
