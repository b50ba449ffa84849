using Sarc.Registry.Domain;

namespace Sarc.Registry.Storage;

/// <summary>
/// Which patients a query returns, applied in the database. <paramref name="Centers"/> is the reader's scope: only
/// patients of these centers (null: every center; empty: none). The others narrow it further and are ignored when
/// null or empty: <paramref name="IdContains"/> is part of the patient id (case-insensitive for ASCII letters),
/// <paramref name="Center"/> one center (exact), <paramref name="Site"/> and <paramref name="Grade"/> the tumour's.
/// </summary>
public sealed record PatientFilter(
    IReadOnlyCollection<string>? Centers = null,
    string? IdContains = null,
    string? Center = null,
    TumorSite? Site = null,
    FnclccGrade? Grade = null)
{
    /// <summary>Every patient.</summary>
    public static PatientFilter All { get; } = new();
}
