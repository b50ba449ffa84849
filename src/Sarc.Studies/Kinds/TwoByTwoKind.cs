using Sarc.Statistics.Hypothesis;

namespace Sarc.Studies.Kinds;

/// <summary><c>table2x2</c>: an exposure × outcome table of two 0/1 columns with Fisher, mid-p, chi-square and odds ratios, as <c>sarc table2x2</c>.</summary>
public sealed class TwoByTwoKind() : AnalysisKind<TwoByTwoAnalysisResult>(
    "table2x2", [new("exposure", ParameterRole.Column, true), new("outcome", ParameterRole.Column, true), KindParameters.ConfLevel])
{
    /// <inheritdoc/>
    public override TwoByTwoAnalysisResult Run(AnalysisDefinition analysis, DataFrame cohort)
    {
        var exposure = analysis.Text("exposure")!;
        var outcome = analysis.Text("outcome")!;
        var level = KindInputs.ConfLevel(analysis);
        var x = KindInputs.Binary(cohort, exposure);
        var y = KindInputs.Binary(cohort, outcome);
        int a = 0, b = 0, c = 0, d = 0, excluded = 0;
        for (var i = 0; i < x.Length; i++)
        {
            if (double.IsNaN(x[i]) || double.IsNaN(y[i]))
            {
                excluded++;
            }
            else if (x[i] == 1)
            {
                if (y[i] == 1) { a++; } else { b++; }
            }
            else
            {
                if (y[i] == 1) { c++; } else { d++; }
            }
        }
        if (a + b == 0 || c + d == 0)
        {
            throw new DataInputException($"'{exposure}' has a single level in the cohort: a 2 x 2 table needs exposed and unexposed patients");
        }
        var table = new TwoByTwoTable(a, b, c, d);
        return new TwoByTwoAnalysisResult(exposure, outcome, excluded, table, TwoByTwoTest.Test(table, level), level);
    }

    /// <inheritdoc/>
    public override IReadOnlyList<string> Warnings(TwoByTwoAnalysisResult result) => result.Result.Warnings;

    /// <inheritdoc/>
    public override void WriteJson(Utf8JsonWriter writer, TwoByTwoAnalysisResult result, AnalysisDefinition analysis)
    {
        writer.WriteString("exposure", result.Exposure);
        writer.WriteString("outcome", result.Outcome);
        writer.WriteNumber("n_excluded", result.Excluded);
        TwoByTwoReport.WriteJson(writer, result.Table, result.Result, result.ConfidenceLevel);
    }

    /// <inheritdoc/>
    public override IReadOnlyList<ReportBlock> Present(TwoByTwoAnalysisResult r, ReportContext context)
    {
        var labels = context.Labels;
        var t = r.Table;
        string[] header = ["", labels.Group(r.Outcome, "1"), labels.Group(r.Outcome, "0"), labels.Group(r.Outcome, "1") + ", %"];
        ReportRow[] rows =
        [
            new([labels.Group(r.Exposure, "1"), $"{t.A}", $"{t.B}", ReportWords.Percent(t.A, t.A + t.B)]),
            new([labels.Group(r.Exposure, "0"), $"{t.C}", $"{t.D}", ReportWords.Percent(t.C, t.C + t.D)]),
        ];
        var or = r.Result.ConditionalOddsRatio;
        var caption = $"Fisher's exact {ReportText.PEquals(r.Result.FisherP)}, mid-{ReportText.PEquals(r.Result.FisherMidP)}; "
            + $"odds ratio {ReportText.Fixed(r.Result.OddsRatio.Estimate, 3)} (conditional MLE {ReportText.Fixed(or.Estimate, 3)}, {ReportWords.Level(r.ConfidenceLevel)}% CI {ReportText.Fixed(or.Lower, 3)}–{ReportText.Fixed(or.Upper, 3)}). "
            + ReportWords.Counts(t.A + t.B + t.C + t.D, r.Excluded, "missing value");
        return [new ReportTable("", header, rows, caption)];
    }
}
