namespace Sarc.Registry.Storage;

/// <summary>One page of a patient query, ordered by id (ordinal), and how many patients matched in all.</summary>
public sealed record PatientSummaryPage(IReadOnlyList<PatientSummary> Patients, int Total);
