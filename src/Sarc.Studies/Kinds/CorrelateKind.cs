using Sarc.Data.Analysis;
using Sarc.Statistics.Hypothesis;

namespace Sarc.Studies.Kinds;

/// <summary><c>correlate</c>: one column's Spearman or Pearson correlation with several, pairwise complete, as <c>sarc correlate</c>.</summary>
public sealed class CorrelateKind() : AnalysisKind<CorrelationAnalysis>(
    "correlate", [new("x", ParameterRole.Column, true), new("y", ParameterRole.Columns, true), new("method", ParameterRole.Choice, false, ["spearman", "pearson"])])
{
    /// <inheritdoc/>
    public override CorrelationAnalysis Run(AnalysisDefinition analysis, DataFrame cohort)
    {
        var method = analysis.Text("method") == "pearson" ? CorrelationMethod.Pearson : CorrelationMethod.Spearman;
        var x = analysis.Text("x")!;
        var xs = AnalysisColumns.NumericWithMissing(cohort, x);
        var pairs = analysis.List("y").Select(name => (name, CorrelationTest.Test(xs, AnalysisColumns.NumericWithMissing(cohort, name), method))).ToArray();
        return new CorrelationAnalysis(method, x, pairs);
    }

    /// <inheritdoc/>
    public override IReadOnlyList<string> Warnings(CorrelationAnalysis result) =>
        result.Pairs.SelectMany(p => p.Result.Warnings.Select(w => $"{result.X} ~ {p.Name}: {w}")).ToArray();

    /// <inheritdoc/>
    public override void WriteJson(Utf8JsonWriter writer, CorrelationAnalysis result, AnalysisDefinition analysis) => CorrelationReport.WriteJson(writer, result.Method, result.X, result.Pairs);

    /// <inheritdoc/>
    public override IReadOnlyList<ReportBlock> Present(CorrelationAnalysis c, ReportContext context)
    {
        var labels = context.Labels;
        var pearson = c.Method == CorrelationMethod.Pearson;
        string[] header = [$"Correlated with {labels.Name(c.X)}", "n", pearson ? "r" : "ρ", "p"];
        var rows = c.Pairs.Select(p => new ReportRow([labels.Name(p.Name), $"{p.Result.N}", ReportText.Fixed(p.Result.Estimate, 3), ReportText.PValue(p.Result.P)])).ToArray();
        var caption = $"{(pearson ? "Pearson" : "Spearman")} correlation, pairwise complete cases (n per pair; patients missing either value excluded from that pair).";
        return [new ReportTable("", header, rows, caption)];
    }
}
