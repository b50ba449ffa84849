namespace Sarc.Surveillance;

/// <summary>A scheduled visit of a given patient, as a calendar shows it.</summary>
public sealed record PatientVisit(string PatientId, ScheduledVisit Visit);
