using Sarc.Registry.Storage;

namespace Sarc.Web.Access;

/// <summary>One page of the patient list (summaries, read by one query) and how many visible patients matched in all.</summary>
public sealed record PatientPage(IReadOnlyList<PatientSummary> Patients, int Total, int Page, int PageSize)
{
    /// <summary>Number of pages (at least 1).</summary>
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}
