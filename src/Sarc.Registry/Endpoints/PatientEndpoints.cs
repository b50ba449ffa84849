using Sarc.Registry.Domain;

namespace Sarc.Registry.Endpoints;

/// <summary>
/// Every endpoint of one patient, derived by the rules of docs/formats.md — the one place they are written, read by
/// <c>sarc endpoints</c>, the studies' analysis dataset and the web. Origin = the primary surgery; "after the primary
/// surgery" is strictly after its date; last contact = <see cref="PatientRecord.LastContact"/> (the death date for a
/// patient who died). A patient metastatic at diagnosis (<see cref="PatientRecord.MetastaticAtDiagnosis"/>) has no
/// DFS, DMFS, DM competing risks or multistate path; every other endpoint keeps them.
/// </summary>
public sealed class PatientEndpoints
{
    /// <summary>Why a patient metastatic at diagnosis has no DFS, DMFS, dm-cr or multistate path.</summary>
    public const string MetastaticAtDiagnosisReason = "metastatic at diagnosis";

    /// <summary>Why a patient has no post-relapse endpoint.</summary>
    public const string NoRelapseReason = "no local recurrence or distant metastasis after the primary surgery";

    /// <summary>Why a patient has no post-metastasectomy endpoint.</summary>
    public const string NoMetastasectomyReason = "no metastasectomy";

    /// <summary>Why a patient has no systemic therapy-free survival.</summary>
    public const string AdjuvantSystemicReason = "adjuvant systemic therapy planned";

    private readonly EndpointOutcome?[] outcomes = new EndpointOutcome?[Enum.GetValues<EndpointKind>().Length];
    private readonly string?[] reasons = new string?[Enum.GetValues<EndpointKind>().Length];

    /// <summary>Derives every endpoint of <paramref name="record"/> once; the getters read the results.</summary>
    public PatientEndpoints(PatientRecord record)
    {
        Record = record;
        var surgery = record.PrimarySurgery.Date;
        var last = record.LastContact;
        var death = record.Death?.Date;
        var lr = record.First(OutcomeEventKind.LocalRecurrence)?.Date;
        var dmAfter = record.FirstAfter(OutcomeEventKind.DistantMetastasis, surgery)?.Date;
        MetastaticAtDiagnosis = record.MetastaticAtDiagnosis;
        FirstRelapse = Earliest(lr, dmAfter);
        RelapseType = FirstRelapse is not { } r ? null : lr == r && dmAfter == r ? "lr+dm" : lr == r ? "lr" : "dm";
        foreach (var s in record.Surgeries)
        {
            if (s.Kind == SurgeryKind.Metastasectomy)
            {
                FirstMetastasectomy = s;
                break;
            }
        }

        EndpointOutcome Event(DateOnly origin, DateOnly? at, int status = 1) => at is { } d ? new(origin, d, status) : new(origin, last, 0);

        Set(EndpointKind.OverallSurvival, Event(surgery, death));
        Set(EndpointKind.LocalRecurrenceFree, Event(surgery, lr));
        Set(EndpointKind.ProgressionFreeSurvival, Event(surgery, Earliest(FirstRelapse, death)));
        Set(EndpointKind.LocalRecurrenceCompetingRisks, lr is not null ? Event(surgery, lr) : Event(surgery, death, 2));
        if (MetastaticAtDiagnosis)
        {
            Exclude(EndpointKind.DiseaseFreeSurvival, MetastaticAtDiagnosisReason);
            Exclude(EndpointKind.DistantMetastasisFree, MetastaticAtDiagnosisReason);
            Exclude(EndpointKind.DistantMetastasisCompetingRisks, MetastaticAtDiagnosisReason);
        }
        else
        {
            Set(EndpointKind.DiseaseFreeSurvival, Event(surgery, Earliest(FirstRelapse, death)));
            Set(EndpointKind.DistantMetastasisFree, Event(surgery, dmAfter));
            Set(EndpointKind.DistantMetastasisCompetingRisks, dmAfter is not null ? Event(surgery, dmAfter) : Event(surgery, death, 2));
        }
        if (FirstRelapse is { } relapse)
        {
            Set(EndpointKind.PostRelapseSurvival, Event(relapse, death));
        }
        else
        {
            Exclude(EndpointKind.PostRelapseSurvival, NoRelapseReason);
        }
        if (FirstMetastasectomy is { } pm)
        {
            var after = Earliest(record.FirstAfter(OutcomeEventKind.LocalRecurrence, pm.Date)?.Date, record.FirstAfter(OutcomeEventKind.DistantMetastasis, pm.Date)?.Date);
            Set(EndpointKind.PostMetastasectomyDiseaseFree, Event(pm.Date, Earliest(after, death)));
            Set(EndpointKind.PostMetastasectomySurvival, Event(pm.Date, death));
        }
        else
        {
            Exclude(EndpointKind.PostMetastasectomyDiseaseFree, NoMetastasectomyReason);
            Exclude(EndpointKind.PostMetastasectomySurvival, NoMetastasectomyReason);
        }
        DateOnly? nextLine = null;
        var adjuvant = false;
        foreach (var line in record.Systemic)
        {
            adjuvant |= line.Intent == SystemicIntent.Adjuvant;
            if (line.StartDate > surgery)
            {
                nextLine = Earliest(nextLine, line.StartDate);
            }
        }
        if (adjuvant)
        {
            Exclude(EndpointKind.SystemicTherapyFreeSurvival, AdjuvantSystemicReason);
        }
        else
        {
            Set(EndpointKind.SystemicTherapyFreeSurvival, Event(surgery, Earliest(nextLine, death)));
        }
        var intervals = new List<MultistatePath.Interval>(4);
        var problem = MetastaticAtDiagnosis
            ? MetastaticAtDiagnosisReason
            : MultistatePath.Append(Days(surgery, lr), Days(surgery, dmAfter), Days(surgery, death), Math.Max(0, last.DayNumber - surgery.DayNumber), intervals);
        Intervals = problem is null ? intervals : [];
        reasons[(int)EndpointKind.Multistate] = problem;
    }

    /// <summary>The patient's registry record the endpoints were derived from.</summary>
    public PatientRecord Record { get; }

    /// <summary>Whether the patient was metastatic at diagnosis (the endpoints' rule).</summary>
    public bool MetastaticAtDiagnosis { get; }

    /// <summary>The first local recurrence or distant metastasis after the primary surgery, or null.</summary>
    public DateOnly? FirstRelapse { get; }

    /// <summary><c>lr</c>, <c>dm</c> or <c>lr+dm</c> (both on the first relapse's date); null without a relapse.</summary>
    public string? RelapseType { get; }

    /// <summary>The first metastasectomy (origin of <c>pm-dfs</c> and <c>pm-os</c>), or null.</summary>
    public Surgery? FirstMetastasectomy { get; }

    /// <summary>The multistate path in days from the primary surgery (empty when the patient has none, see <see cref="ExclusionOf"/>).</summary>
    public IReadOnlyList<MultistatePath.Interval> Intervals { get; }

    /// <summary>The patient's value of the single-row endpoint <paramref name="kind"/>, or null when the patient has none (<see cref="ExclusionOf"/> says why).</summary>
    /// <exception cref="ArgumentException"><paramref name="kind"/> is <see cref="EndpointKind.Multistate"/> (see <see cref="Intervals"/>).</exception>
    public EndpointOutcome? this[EndpointKind kind] => kind == EndpointKind.Multistate
        ? throw new ArgumentException("The multistate endpoint is a list of intervals.", nameof(kind))
        : outcomes[(int)kind];

    /// <summary>Why the patient has no value of <paramref name="kind"/>, or null when it has one.</summary>
    public string? ExclusionOf(EndpointKind kind) => reasons[(int)kind];

    private void Set(EndpointKind kind, EndpointOutcome outcome) => outcomes[(int)kind] = outcome;

    private void Exclude(EndpointKind kind, string reason) => reasons[(int)kind] = reason;

    private static double Days(DateOnly origin, DateOnly? date) => date is { } d ? d.DayNumber - origin.DayNumber : double.NaN;

    private static DateOnly? Earliest(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a < b ? a : b;
}
