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
    /// <summary>
    /// The centers the importing user may write (a web user's own), or null for every center (the CLI, an admin). The
    /// store checks it inside the writing transaction, against the centers stored then: a row whose center is not one
    /// of them, or for a patient stored under another center, is refused without saying whether that patient exists.
    /// </summary>
    public IReadOnlySet<string>? WritableCenters { get; init; }

    /// <summary>Flat-template rows (or long-format patients) without additions.</summary>
    public static ImportBatch Of(IReadOnlyList<ImportRow> rows) => new(rows, []);

    /// <summary>Number of patients the import names (for progress).</summary>
    public int PatientCount => Rows.Count + Additions.Select(a => a.PatientId).Distinct(StringComparer.Ordinal).Count();
}
