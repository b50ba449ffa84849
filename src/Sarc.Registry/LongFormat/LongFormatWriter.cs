using Sarc.Registry.Codes;
using Sarc.Registry.Domain;
using Sarc.Registry.Template;
using R = Sarc.Registry.Codes.RegistryCodes;

namespace Sarc.Registry.LongFormat;

/// <summary>
/// Writes the long format: all six files (or sheets), each with its header, rows ordered by <c>patient_id</c> (ordinal)
/// and then by each patient's canonical entry order (date, kind, the remaining columns). CSV as the flat template
/// (UTF-8 without BOM, <c>\n</c>, quoting only where needed); <c>.xlsx</c> with every cell as text. Cells a spreadsheet
/// would run as a formula are neutralised, and the import reads them back unchanged: export → import → export is
/// byte-identical.
/// </summary>
public static class LongFormatWriter
{
    /// <summary>
    /// Writes <paramref name="records"/> into the folder <paramref name="folder"/> (created when absent) as six CSV files.
    /// <paramref name="patientCells"/>, when given, makes each <c>patients</c> row instead of <see cref="PatientCells"/>
    /// (the pseudonymized export writes the birth year only).
    /// </summary>
    public static void WriteFolder(IReadOnlyList<PatientRecord> records, string folder, Func<PatientRecord, string[]>? patientCells = null)
    {
        Directory.CreateDirectory(folder);
        foreach (var file in LongFiles.All)
        {
            using var writer = TemplateWriter.CreateText(Path.Combine(folder, file.Name + ".csv"));
            WriteCsv(records, file, writer, patientCells);
        }
    }

    /// <summary>Writes <paramref name="records"/> as a workbook with the six sheets (<paramref name="patientCells"/> as for <see cref="WriteFolder"/>).</summary>
    public static void WriteWorkbook(IReadOnlyList<PatientRecord> records, string path, Func<PatientRecord, string[]>? patientCells = null) =>
        TemplateWriter.WriteWorkbook(path, [.. LongFiles.All.Select(f => (f.Name, f.Columns, Rows(Sorted(records), f, patientCells)))]);

    /// <summary>Writes one file's CSV text (<paramref name="patientCells"/> as for <see cref="WriteFolder"/>).</summary>
    public static void WriteCsv(IReadOnlyList<PatientRecord> records, LongFile file, TextWriter writer, Func<PatientRecord, string[]>? patientCells = null)
    {
        TemplateWriter.WriteCsvLine(writer, file.Columns);
        foreach (var row in Rows(Sorted(records), file, patientCells))
        {
            TemplateWriter.WriteCsvLine(writer, row);
        }
    }

    /// <summary>The cells of the <c>patients</c> row of <paramref name="record"/>.</summary>
    public static string[] PatientCells(PatientRecord record)
    {
        var p = record.Patient;
        var t = record.Tumor;
        var c = record.Comorbidity;
        return
        [
            p.Id, p.Center, R.Sex.Code(p.Sex), CellText.Date(p.BirthDate), CellText.Date(t.DiagnosisDate), t.Histology,
            R.Site.Code(t.Site), R.Depth.Code(t.Depth), CellText.Number(t.SizeCm), R.Grade.Code(t.Grade),
            R.Code(t.MetastaticAtDiagnosis), R.Smoking.Code(c.Smoking), CellText.Number(c.Bmi), CellText.Integer(c.Charlson),
        ];
    }

    /// <summary>The rows of <paramref name="file"/> for one patient, <c>patient_id</c> first.</summary>
    public static IEnumerable<string[]> RowsOf(PatientRecord record, LongFile file)
    {
        if (file == LongFiles.Patients)
        {
            return [PatientCells(record)];
        }
        IEnumerable<string[]> cells = file.Name switch
        {
            "surgeries" => record.Surgeries.Select(EntryCells.Of),
            "radiotherapy" => record.Radiotherapy.Select(EntryCells.Of),
            "systemic" => record.Systemic.Select(EntryCells.Of),
            "events" => record.Events.Select(EntryCells.Of),
            "followup" => record.FollowUps.Select(EntryCells.Of),
            _ => throw new ArgumentException($"Not a long-format file: {file.Name}.", nameof(file)),
        };
        return cells.Select(c => (string[])[record.Id, .. c]);
    }

    private static IEnumerable<string[]> Rows(IEnumerable<PatientRecord> records, LongFile file, Func<PatientRecord, string[]>? patientCells) =>
        patientCells is not null && file == LongFiles.Patients ? records.Select(patientCells) : records.SelectMany(r => RowsOf(r, file));

    private static IEnumerable<PatientRecord> Sorted(IReadOnlyList<PatientRecord> records)
    {
        for (var i = 1; i < records.Count; i++)
        {
            if (string.CompareOrdinal(records[i - 1].Id, records[i].Id) > 0)
            {
                return records.OrderBy(r => r.Id, StringComparer.Ordinal);
            }
        }
        return records;
    }
}
