using Sarc.Registry.Domain;

namespace Sarc.Surveillance;

/// <summary>
/// What the planner needs to know about one patient; the registry's patients are mapped onto this record by
/// <see cref="RegistryPatients"/>. Dates are calendar dates; a null event date means the event has not happened (or is
/// not known).
/// </summary>
/// <param name="PatientId">The registry's pseudonymous id; shown in lists and calendars.</param>
/// <param name="Grade">FNCLCC grade of the primary tumour.</param>
/// <param name="Site">Tumour site as the rule file spells it (e.g. <c>retroperitoneum</c>); case is ignored.</param>
/// <param name="SurgeryDate">Date of the primary surgery: the start of the plan.</param>
/// <param name="LocalRecurrenceDate">Date of the first local recurrence, which restarts the plan.</param>
/// <param name="DistantMetastasisDate">Date of the first distant metastasis; such patients leave this surveillance.</param>
/// <param name="DeathDate">Date of death.</param>
/// <param name="LastFollowUpDate">Date of the last contact the patient had; visits on or before it count as done.</param>
/// <param name="Center">The patient's center (null when not known, e.g. from a CSV without the column).</param>
/// <param name="LastContactStatus">The status recorded at the latest follow-up contact; <see cref="FollowUpStatus.Lost"/> takes the patient off the due list.</param>
public sealed record SurveillancePatient(
    string PatientId,
    TumorGrade Grade,
    string Site,
    DateOnly SurgeryDate,
    DateOnly? LocalRecurrenceDate,
    DateOnly? DistantMetastasisDate,
    DateOnly? DeathDate,
    DateOnly LastFollowUpDate,
    string? Center = null,
    FollowUpStatus? LastContactStatus = null);
