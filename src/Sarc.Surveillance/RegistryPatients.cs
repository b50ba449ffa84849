using Sarc.Data;
using Sarc.Registry.Codes;
using Sarc.Registry.Domain;
using Sarc.Registry.Storage;

namespace Sarc.Surveillance;

/// <summary>
/// The one mapping of registry patients onto the planner's record, used by the CLI and the web: primary surgery date,
/// the first local recurrence and distant metastasis (any, a metastasis at diagnosis included: such patients are not
/// in this surveillance), the death, the last contact (<see cref="PatientRecord.LastContact"/>) and the status of the
/// latest follow-up contact, the tumour's grade, and its site and the center in the registry's codes.
/// </summary>
public static class RegistryPatients
{
    /// <summary>The planner's record of <paramref name="record"/>.</summary>
    public static SurveillancePatient From(PatientRecord record) => From(PatientSummary.Of(record));

    /// <summary>
    /// The planner's record of a patient read as a <see cref="PatientSummary"/> (the registry's narrow query, which
    /// holds exactly these facts): the same as <see cref="From(PatientRecord)"/> of the whole record.
    /// </summary>
    public static SurveillancePatient From(PatientSummary summary) => new(
        summary.Id,
        Grade(summary.Grade),
        RegistryCodes.Site.Code(summary.Site),
        summary.PrimarySurgeryDate,
        summary.FirstLocalRecurrence,
        summary.FirstDistantMetastasis,
        summary.Death,
        summary.LastContact,
        summary.Center,
        summary.LastFollowUpStatus);

    /// <summary>The planner's records of <paramref name="records"/>, in their order.</summary>
    public static IReadOnlyList<SurveillancePatient> From(IReadOnlyList<PatientRecord> records)
    {
        var patients = new SurveillancePatient[records.Count];
        for (var i = 0; i < records.Count; i++)
        {
            patients[i] = From(records[i]);
        }
        return patients;
    }

    /// <summary>Every patient of the registry at <paramref name="db"/>.</summary>
    /// <exception cref="DataInputException">A SQLite file that does not exist (it is not created: a typo must not make
    /// an empty registry whose due list is silently empty), or a database that cannot be opened.</exception>
    public static IReadOnlyList<SurveillancePatient> Load(string db)
    {
        using var store = RegistryStore.OpenExisting(db);
        return From(store.LoadPatients());
    }

    /// <summary>The planner's grade of an FNCLCC grade.</summary>
    public static TumorGrade Grade(FnclccGrade grade) => grade switch
    {
        FnclccGrade.G1 => TumorGrade.G1,
        FnclccGrade.G2 => TumorGrade.G2,
        FnclccGrade.G3 => TumorGrade.G3,
        FnclccGrade.GX => TumorGrade.GX,
        _ => throw new ArgumentOutOfRangeException(nameof(grade), grade, "Unknown FNCLCC grade."),
    };
}
