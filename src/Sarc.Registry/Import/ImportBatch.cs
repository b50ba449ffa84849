using Sarc.Registry.Template;

namespace Sarc.Registry.Import;

/// <summary>
/// What an import file holds once every row is valid on its own: whole patients (<see cref="Rows"/>: long-format
/// patients, or flat-template rows) and entries to add to patients already in the registry (<see cref="Additions"/>).
/// The store checks what needs the registry (does the patient exist, may it change, do the added entries fit the
/// stored ones) and writes it all or nothing.
/// </summary>
public sealed record ImportBatch(IReadOnlyList<ImportRow> Rows, IReadOnlyList<ImportAddition> Additions)
{
    /// <summary>Flat-template rows (or long-format patients) without additions.</summary>
    public static ImportBatch Of(IReadOnlyList<ImportRow> rows) => new(rows, []);

    /// <summary>Number of patients the import names (for progress).</summary>
    public int PatientCount => Rows.Count + Additions.Select(a => a.PatientId).Distinct(StringComparer.Ordinal).Count();
}
