using Sarc.Data;
using Sarc.Registry.Domain;
using Sarc.Registry.Storage;
using Sarc.Surveillance;

namespace Sarc.Cli.Commands;

/// <summary>
/// Maps registry patients onto the surveillance planner's record: primary surgery date, the first local recurrence,
/// distant metastasis and death, the last follow-up, and the tumour's grade and site in the template's codes.
/// </summary>
internal static class RegistrySurveillancePatients
{
    /// <summary>Every patient of the registry at <paramref name="db"/>.</summary>
    /// <exception cref="DataInputException">A SQLite file that does not exist (it is not created: a typo must not make
    /// an empty registry whose due list is silently empty), or a database that cannot be opened.</exception>
    public static IReadOnlyList<SurveillancePatient> Load(string db)
    {
        using var store = RegistryStore.OpenExisting(db);
        var records = store.LoadPatients();
        var patients = new SurveillancePatient[records.Count];
        for (var i = 0; i < records.Count; i++)
        {
            patients[i] = FromRecord(records[i]);
        }

        return patients;
    }

    public static SurveillancePatient FromRecord(PatientRecord record) => new(
        record.Id,
        Grade(record.Tumor.Grade),
        Site(record.Tumor.Site),
        record.PrimarySurgery.Date,
        record.First(OutcomeEventKind.LocalRecurrence)?.Date,
        record.First(OutcomeEventKind.DistantMetastasis)?.Date,
        record.First(OutcomeEventKind.Death)?.Date,
        record.Patient.LastFollowUp);

    private static TumorGrade Grade(FnclccGrade grade) => grade switch
    {
        FnclccGrade.G1 => TumorGrade.G1,
        FnclccGrade.G2 => TumorGrade.G2,
        FnclccGrade.G3 => TumorGrade.G3,
        FnclccGrade.GX => TumorGrade.GX,
        _ => throw new ArgumentOutOfRangeException(nameof(grade), grade, "Unknown FNCLCC grade."),
    };

    // The registry template's site codes, which the default rules use as their site names.
    private static string Site(TumorSite site) => site switch
    {
        TumorSite.ExtremityLower => "extremity_lower",
        TumorSite.ExtremityUpper => "extremity_upper",
        TumorSite.Trunk => "trunk",
        TumorSite.Retroperitoneum => "retroperitoneum",
        TumorSite.HeadNeck => "head_neck",
        TumorSite.Visceral => "visceral",
        _ => throw new ArgumentOutOfRangeException(nameof(site), site, "Unknown tumour site."),
    };
}
