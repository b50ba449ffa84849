using Sarc.Data.Tables;
using Sarc.Statistics.Hypothesis;
using Sarc.Studies.Analyses;
using Sarc.Studies.Reports;

namespace Sarc.Studies.Tests.Analyses;

public class CompareReportTest
{
    // Sizes have more than ten distinct values, so they are summarised as continuous (gtsummary's rule).
    private static DataFrame Table() => new("t.csv",
    [
        new DataColumn("high_grade", ColumnKind.Numeric, [0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1], null),
        new DataColumn("size_cm", ColumnKind.Numeric, [3, double.NaN, 5, 5.5, 6.5, 7.5, 8.5, 6, 7, double.NaN, double.NaN, 9, 10, 11], null),
        new DataColumn("sex", ColumnKind.Text, null, ["F", "M", null, "F", "M", "F", "M", "F", "F", "M", "M", "F", "M", "F"]),
        new DataColumn("bmi", ColumnKind.Numeric, [20, 21, 22, 23, 24, 25, 26, 20, 21, 22, 23, 24, 25, 26], null),
    ], [.. Enumerable.Range(2, 14)]);

    [Fact]
    public void Rows_InTheReport_AddAnUnknownRowWithTheMissingCountPerGroup()
    {
        var analysis = CompareReport.Analyse(Table(), "high_grade", ["size_cm", "sex", "bmi"], new Dictionary<string, ComparisonTest>());

        var rows = CompareReport.Rows(analysis, new ReportLabels([]));

        // size_cm: 1 missing in grade 0, 2 in grade 1; sex: 1 missing in grade 0; bmi: none, so no row.
        var size = rows.ToList().FindIndex(r => r[0].StartsWith("Tumour size", StringComparison.Ordinal));
        Assert.Equal(["  Unknown", "1", "2", "", ""], rows[size + 1]);
        var sex = rows.ToList().FindIndex(r => r[0].StartsWith("Sex", StringComparison.Ordinal));
        Assert.Equal(["  Unknown", "1", "0", "", ""], rows[sex + 3]);
        Assert.Equal(2, rows.Count(r => r[0] == "  Unknown"));
    }

    [Fact]
    public void Rows_ForTheCli_HaveNoUnknownRows()
    {
        var analysis = CompareReport.Analyse(Table(), "high_grade", ["size_cm", "sex"], new Dictionary<string, ComparisonTest>());

        Assert.DoesNotContain(CompareReport.Rows(analysis), r => r[0].Contains("Unknown", StringComparison.Ordinal));
    }
}
