using Sarc.Registry;
using Sarc.Registry.Audit;
using Sarc.Registry.Domain;
using Sarc.Registry.Storage;
using Sarc.Studies.Data;

namespace Sarc.Studies.Running;

/// <summary>
/// Loads the analysis dataset of the studies from the registry alone: a store (SQLite path or PostgreSQL URL), records
/// a caller already holds (the web's visible patients), or an import file or folder read without a database.
/// </summary>
public static class StudyData
{
    /// <summary>The dataset of <paramref name="records"/>; <paramref name="source"/> names it in messages.</summary>
    public static DataFrame FromRecords(IReadOnlyList<PatientRecord> records, string source) => StudyDataset.Build(records, source);

    /// <summary>The dataset of every patient of <paramref name="store"/>.</summary>
    public static DataFrame FromRegistry(IRegistryStore store) => StudyDataset.Build(store.LoadPatients(), store.Description);

    /// <summary>
    /// The dataset of every patient of <paramref name="store"/> and the snapshot of the data for a report's provenance:
    /// the SHA-256 of the registry's canonical long export (<see cref="CanonicalSha256"/>) and its audit position.
    /// </summary>
    public static (DataFrame Dataset, DataSnapshot Snapshot) FromRegistryWithSnapshot(IRegistryStore store, string source)
    {
        var records = store.LoadPatients();
        return (StudyDataset.Build(records, store.Description), new DataSnapshot(source, CanonicalSha256(records), store.AuditHead(), records.Count));
    }

    /// <summary>
    /// The SHA-256 (lower-case hex) of the long-format export of <paramref name="records"/>: the six files in export
    /// order, each as its name, a newline and its CSV text — the same bytes <c>sarc export</c> writes, so equal data gives
    /// an equal hash whatever the store or the format it was imported from.
    /// </summary>
    public static string CanonicalSha256(IReadOnlyList<PatientRecord> records)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var file in Sarc.Registry.LongFormat.LongFiles.All)
        {
            var text = new StringWriter();
            text.Write(file.Name);
            text.Write('\n');
            Sarc.Registry.LongFormat.LongFormatWriter.WriteCsv(records, file, text);
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(text.ToString()));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>
    /// Reads an import path (the flat template, or a long-format folder or workbook) with the import's validation and
    /// builds the dataset of its patients, without a database.
    /// </summary>
    /// <exception cref="DataInputException">The path cannot be read, has invalid rows (the first problems are named), or adds entries to patients it does not hold.</exception>
    public static DataFrame Load(string path) => LoadWithSnapshot(path).Dataset;

    /// <summary>As <see cref="Load"/>, with the snapshot of the data (<see cref="CanonicalSha256"/>, no audit position).</summary>
    /// <exception cref="DataInputException">As <see cref="Load"/>.</exception>
    public static (DataFrame Dataset, DataSnapshot Snapshot) LoadWithSnapshot(string path)
    {
        var parsed = RegistryImporter.Parse(path, DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().DateTime));
        if (!parsed.IsValid)
        {
            throw new DataInputException($"{path}: {parsed.Errors.Count} problem{(parsed.Errors.Count == 1 ? "" : "s")}: {string.Join("; ", parsed.Errors.Take(3))}");
        }
        if (parsed.Batch.Additions.Count > 0)
        {
            var first = parsed.Batch.Additions[0];
            throw new DataInputException($"{first.File}:line {first.Line}: patient_id: '{first.PatientId}' is not in the patients file");
        }
        IReadOnlyList<PatientRecord> records = [.. parsed.Batch.Rows.Select(r => r.Record).OrderBy(r => r.Id, StringComparer.Ordinal)];
        return (StudyDataset.Build(records, path), new DataSnapshot(Path.GetFileName(Path.TrimEndingDirectorySeparator(path)), CanonicalSha256(records), null, records.Count));
    }

    /// <summary>
    /// Imports a file or long-format folder into a new SQLite registry at <paramref name="databasePath"/> through the
    /// normal import path (validation, one transaction, audit), replacing any file already there.
    /// </summary>
    /// <exception cref="DataInputException">The import has invalid rows (the first problems are named).</exception>
    public static IRegistryStore ImportNew(string path, string databasePath, AuditContext audit)
    {
        File.Delete(databasePath);
        var store = RegistryStore.Open(databasePath);
        var result = RegistryImporter.ImportFile(store, path, update: false, audit);
        if (!result.Succeeded)
        {
            store.Dispose();
            throw new DataInputException($"{path}: the registry import failed: {string.Join("; ", result.Errors.Take(3))}");
        }
        return store;
    }
}
