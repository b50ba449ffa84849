using Sarc.Data.Csv;
using Sarc.Data.Tables;
using Sarc.Studies.Data;

namespace Sarc.Studies.Running;

/// <summary>Loads the analysis dataset of the studies from a registry export in the flat template format and an optional supplement CSV.</summary>
public static class StudyData
{
    /// <summary>Reads <paramref name="templatePath"/> (and <paramref name="supplementPath"/>) and builds the per-patient dataset.</summary>
    /// <exception cref="Sarc.Data.DataInputException">A file cannot be read, a column is missing or a value is malformed (naming file and line).</exception>
    public static DataFrame Load(string templatePath, string? supplementPath) =>
        StudyDataset.Build(CsvTableReader.Read(templatePath), supplementPath is null ? null : CsvTableReader.Read(supplementPath));
}
