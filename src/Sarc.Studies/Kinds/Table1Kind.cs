using Sarc.Statistics.Hypothesis;

namespace Sarc.Studies.Kinds;

/// <summary>
/// <c>table1</c>: patient characteristics by group with gtsummary's default tests, as <c>sarc compare</c>; the table
/// gives median (Q1, Q3) or n (%) per group.
/// </summary>
public sealed class Table1Kind() : AnalysisKind<CompareAnalysis>(
    "table1", [new("group", ParameterRole.Column, true), new("variables", ParameterRole.Columns, true)])
{
    /// <inheritdoc/>
    public override CompareAnalysis Run(AnalysisDefinition analysis, DataFrame cohort) =>
        CompareReport.Analyse(cohort, analysis.Text("group")!, analysis.List("variables"), new Dictionary<string, ComparisonTest>());

    /// <inheritdoc/>
    public override IReadOnlyList<string> Warnings(CompareAnalysis result) => result.Variables.SelectMany(v => v.Warnings).ToArray();

    /// <inheritdoc/>
    public override void WriteJson(Utf8JsonWriter writer, CompareAnalysis result, AnalysisDefinition analysis) => CompareReport.WriteJson(writer, result);

    /// <inheritdoc/>
    public override IReadOnlyList<ReportBlock> Present(CompareAnalysis result, ReportContext context)
    {
        var labels = context.Labels;
        string[] header = ["Characteristic", .. result.Levels.Select((l, g) => $"{labels.Group(result.Group, l)} (n = {result.GroupSizes[g]})"), "p", "Test"];
        var rows = CompareReport.Rows(result, labels)
            .Select(r => r[0].StartsWith("  ", StringComparison.Ordinal) ? ReportRow.Level([r[0].Trim(), .. r[1..]]) : new ReportRow(r))
            .ToArray();
        var analysed = result.GroupSizes.Sum();
        var caption = $"Median (Q1, Q3) or n (%). {ReportWords.Counts(analysed, result.Excluded, $"no value of {labels.Name(result.Group)}")}";
        return [new ReportTable("", header, rows, caption)];
    }
}
