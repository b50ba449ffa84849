using Sarc.Registry.Domain;
using Sarc.Registry.LongFormat;

namespace Sarc.Interop.Pseudonymization;

/// <summary>
/// A pseudonymized registry ready to write: <see cref="Records"/> (pseudonyms, shifted dates, in pseudonym order) and
/// <see cref="PatientCells"/>, the <c>patients</c> row of each with the birth year in place of the birth date.
/// </summary>
public sealed record PseudonymizedRegistry(IReadOnlyList<PatientRecord> Records, Func<PatientRecord, string[]> PatientCells)
{
    /// <summary>Writes the long format into <paramref name="folder"/> (six CSV files).</summary>
    public void WriteFolder(string folder) => LongFormatWriter.WriteFolder(Records, folder, PatientCells);

    /// <summary>Writes one long-format file's CSV text.</summary>
    public void WriteCsv(LongFile file, TextWriter writer) => LongFormatWriter.WriteCsv(Records, file, writer, PatientCells);

    /// <summary>Writes the long format as an <c>.xlsx</c> workbook.</summary>
    public void WriteWorkbook(string path) => LongFormatWriter.WriteWorkbook(Records, path, PatientCells);
}
