using Sarc.Data.Tables;
using Sarc.Registry.Domain;
using Sarc.Registry.Template;
using Sarc.Studies.Data;

namespace Sarc.Studies.Prediction;

/// <summary>
/// Registry patients as rows of the study dataset — age at surgery, <c>size_cm</c>, <c>grade</c>,
/// <c>histology_name</c> and every other column of <see cref="StudyFields"/> — derived by <see cref="StudyDataset"/>,
/// exactly as a study derives them from the registry (from the records' flat-template cells, as the registry's export
/// writes them), so that a patient record's prediction reads the same values a model fitted in a study was fitted on.
/// </summary>
public static class PatientCovariates
{
    /// <summary>The dataset rows of <paramref name="records"/>, in their order; <paramref name="source"/> names the rows in messages.</summary>
    public static DataFrame Of(IReadOnlyList<PatientRecord> records, string source)
    {
        var cells = records.Select(TemplateCells.Of).ToArray();
        var columns = new DataColumn[TemplateColumns.Count];
        for (var c = 0; c < columns.Length; c++)
        {
            var texts = new string?[cells.Length];
            for (var r = 0; r < cells.Length; r++)
            {
                texts[r] = cells[r][c].Length == 0 ? null : cells[r][c];
            }
            columns[c] = new DataColumn(TemplateColumns.Names[c], ColumnKind.Text, null, texts);
        }
        return StudyDataset.Build(new DataFrame(source, columns, [.. Enumerable.Range(2, cells.Length)]));
    }
}
