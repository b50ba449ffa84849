using System.Text;
using Sarc.Data;
using Sarc.Registry;
using Sarc.Registry.Audit;
using Sarc.Registry.LongFormat;
using Sarc.Registry.Storage;
using Sarc.Registry.Template;

namespace Sarc.Interop.Redcap;

/// <summary>
/// <c>sarc redcap import</c> and <c>pull</c>: maps REDCap records onto the long format, checks them with every rule of
/// a long-format import (<see cref="RegistryImporter.ParseRows"/>), and imports them through the registry's one import
/// transaction (<see cref="IRegistryStore.Import(Sarc.Registry.Import.ImportBatch, bool, AuditContext, ImportSource?, IProgress{ImportProgress}?)"/>): all or nothing, audited with the inputs' names and hash. Every
/// problem names the REDCap record, instrument, instance and field it came from.
/// </summary>
public static class RedcapImporter
{
    /// <summary>Reads the dictionary, records and (optional) mapping files, then imports as <see cref="Import"/>.</summary>
    /// <exception cref="DataInputException">A file cannot be read, the dictionary is not REDCap's format, or the mapping does not fit the dictionary.</exception>
    public static MappedImportResult ImportFiles(Func<IRegistryStore> open, string dictionaryPath, string recordsPath, string? mappingPath,
        bool update, AuditContext audit, DateOnly asOf, IProgress<ImportProgress>? progress = null)
    {
        var dictionaryBytes = InputFiles.ReadBytes(dictionaryPath, "--dictionary");
        var recordsBytes = InputFiles.ReadBytes(recordsPath, "--records");
        var dictionary = RedcapDictionary.Parse(Encoding.UTF8.GetString(dictionaryBytes), dictionaryPath);
        var mapping = mappingPath is null ? SarcRedcapProject.Mapping : RedcapMappingReader.Read(mappingPath, dictionary);
        var records = RedcapCsv.Read(Encoding.UTF8.GetString(recordsBytes), recordsPath);
        var source = RedcapSource.Of($"{Path.GetFileName(recordsPath)} (dictionary {Path.GetFileName(dictionaryPath)})",
            (Path.GetFileName(dictionaryPath), dictionaryBytes), (Path.GetFileName(recordsPath), recordsBytes));
        return Import(open, dictionary, records, mapping, source, update, audit, asOf, progress);
    }

    /// <summary>
    /// Fetches the data dictionary and the records through REDCap's API (<paramref name="client"/>) and imports them as
    /// <see cref="Import"/>; the audit names the API URL and hashes both answers.
    /// </summary>
    /// <exception cref="DataInputException">REDCap cannot be reached or refuses; its answers are not a dictionary and records; the mapping does not fit.</exception>
    public static MappedImportResult Pull(Func<IRegistryStore> open, RedcapApiClient client, string? mappingPath,
        bool update, AuditContext audit, DateOnly asOf, IProgress<string>? fetching = null, IProgress<ImportProgress>? progress = null)
    {
        fetching?.Report("the data dictionary");
        var dictionaryBytes = client.ExportMetadata();
        var dictionary = RedcapDictionary.Parse(Encoding.UTF8.GetString(dictionaryBytes), "REDCap metadata");
        var mapping = mappingPath is null ? SarcRedcapProject.Mapping : RedcapMappingReader.Read(mappingPath, dictionary);
        fetching?.Report("the records");
        var recordsBytes = client.ExportRecords();
        var records = RedcapCsv.Read(Encoding.UTF8.GetString(recordsBytes), "REDCap records");
        var source = RedcapSource.Of($"REDCap API {client.Url}", ("metadata.csv", dictionaryBytes), ("records.csv", recordsBytes));
        return Import(open, dictionary, records, mapping, source, update, audit, asOf, progress);
    }

    /// <summary>
    /// Imports <paramref name="records"/> of a project with <paramref name="dictionary"/>, as <paramref name="mapping"/>
    /// says; opens the registry only once every record maps and validates. Dates after <paramref name="asOf"/> are refused.
    /// </summary>
    /// <exception cref="DataInputException">The records lack a column the mapping reads; the database fails.</exception>
    public static MappedImportResult Import(Func<IRegistryStore> open, RedcapDictionary dictionary, RedcapTable records, RedcapMapping mapping,
        ImportSource source, bool update, AuditContext audit, DateOnly asOf, IProgress<ImportProgress>? progress = null)
    {
        progress?.Report(new ImportProgress("checking", 0, 0));
        if (mapping == SarcRedcapProject.Mapping)
        {
            CheckIsSarcProject(dictionary);
        }
        var mapped = RedcapRecordMapper.Map(records, dictionary, mapping);
        if (mapped.Problems.Count > 0)
        {
            return MappedImport.Failed(mapped.Records, [.. mapped.Problems.Select(p => new MappedProblem(p))]);
        }
        return MappedImport.Run(open, mapped.Records, mapped.Rows, (file, index, error) =>
        {
            var origin = mapped.Origins[file][index];
            return $"{origin}: {origin.Name(error.Column)}: {error.Problem}";
        }, source, update, audit, asOf, progress);
    }

    /// <summary>Without a mapping the records must come from Sarc's own project: every field of its dictionary present.</summary>
    private static void CheckIsSarcProject(RedcapDictionary dictionary)
    {
        foreach (var field in SarcRedcapProject.Dictionary.Fields)
        {
            if (dictionary.Field(field.Name) is not { } theirs || theirs.Form != field.Form)
            {
                throw new DataInputException($"the data dictionary is not Sarc's REDCap project (field '{field.Name}' of instrument '{field.Form}' is missing); give --mapping for a center's own project");
            }
        }
    }
}
