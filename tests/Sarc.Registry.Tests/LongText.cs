using System.Text;
using Sarc.Registry.LongFormat;

namespace Sarc.Registry.Tests;

/// <summary>
/// Builds small long-format imports for tests: rows per file as "column=value" pairs over a valid default, written as
/// a folder of CSV files. <see cref="Patient"/> adds a patient row and its primary surgery.
/// </summary>
internal sealed class LongText
{
    private readonly Dictionary<string, List<Dictionary<string, string>>> rows = LongFiles.All.ToDictionary(f => f.Name, _ => new List<Dictionary<string, string>>());

    /// <summary>A valid patient (born 1960-05-01, diagnosed 2015-03-01) with a primary surgery on 2015-04-01.</summary>
    public LongText Patient(string id, params (string Column, string Value)[] changes)
    {
        Row("patients", id, [("center", "C1"), ("sex", "F"), ("birth_date", "1960-05-01"), ("diagnosis_date", "2015-03-01"), ("histology", "8890/3"),
            ("site", "extremity_lower"), ("depth", "deep"), ("size_cm", "7.5"), ("grade", "3"), .. changes]);
        return Row("surgeries", id, ("date", "2015-04-01"), ("kind", "primary"), ("margin", "R0"));
    }

    /// <summary>A row of <paramref name="file"/> for <paramref name="id"/> with the given cells (others empty).</summary>
    public LongText Row(string file, string id, params (string Column, string Value)[] cells)
    {
        var row = new Dictionary<string, string>(StringComparer.Ordinal) { ["patient_id"] = id };
        foreach (var (column, value) in cells)
        {
            row[column] = value;
        }
        rows[file].Add(row);
        return this;
    }

    /// <summary>The CSV text of one file.</summary>
    public string Csv(string file)
    {
        var columns = LongFiles.Named(file)!.Columns;
        var text = new StringBuilder().AppendJoin(',', columns).Append('\n');
        foreach (var row in rows[file])
        {
            text.AppendJoin(',', columns.Select(c => row.GetValueOrDefault(c, ""))).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>Writes the files that have rows (all six with <paramref name="allFiles"/>) into a new temporary folder.</summary>
    public string WriteFolder(bool allFiles = true)
    {
        var folder = TemplateText.TempPath("");
        Directory.CreateDirectory(folder);
        foreach (var file in LongFiles.All)
        {
            if (allFiles || rows[file.Name].Count > 0)
            {
                File.WriteAllText(Path.Combine(folder, file.Name + ".csv"), Csv(file.Name), new UTF8Encoding(false));
            }
        }
        return folder;
    }
}
