using Sarc.Registry.Domain;

namespace Sarc.Registry.Storage;

/// <summary>
/// The few facts of a patient that lists and the surveillance planner need, kept on the patient's row (migration 8,
/// written from the record by every write of the patient) and read by one narrow query
/// (<see cref="IRegistryStore.FindPatients"/>, <see cref="IRegistryStore.Summaries"/>) instead of loading the whole
/// record: the center, the tumour's histology, site and grade, the primary surgery's date, the first local recurrence,
/// the first distant metastasis (one at diagnosis included) and the death, the last contact
/// (<see cref="PatientRecord.LastContact"/>) and the status of the latest follow-up contact (null when none or not
/// recorded). <see cref="Of"/> defines each value from a record; the stored summary is its result.
/// </summary>
public sealed record PatientSummary(
    string Id,
    string Center,
    string Histology,
    TumorSite Site,
    FnclccGrade Grade,
    DateOnly PrimarySurgeryDate,
    DateOnly? FirstLocalRecurrence,
    DateOnly? FirstDistantMetastasis,
    DateOnly? Death,
    DateOnly LastContact,
    FollowUpStatus? LastFollowUpStatus)
{
    /// <summary>The summary of <paramref name="record"/>.</summary>
    public static PatientSummary Of(PatientRecord record) => new(
        record.Id,
        record.Patient.Center,
        record.Tumor.Histology,
        record.Tumor.Site,
        record.Tumor.Grade,
        record.PrimarySurgery.Date,
        record.First(OutcomeEventKind.LocalRecurrence)?.Date,
        record.First(OutcomeEventKind.DistantMetastasis)?.Date,
        record.Death?.Date,
        record.LastContact,
        record.LastFollowUp?.Status);

    /// <summary>The name of <see cref="Histology"/> (<see cref="HistologyNames"/>), or null when the code is not in the table.</summary>
    public string? HistologyName => HistologyNames.NameOf(Histology);
}
