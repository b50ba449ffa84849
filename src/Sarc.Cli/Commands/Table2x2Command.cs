using Sarc.Statistics.Hypothesis;

namespace Sarc.Cli.Commands;

/// <summary><c>sarc table2x2</c>: Fisher's exact test (and mid-p), Pearson chi-square with and without Yates, and odds ratios of a 2 x 2 table.</summary>
internal static class Table2x2Command
{
    public static Command Create(CliContext context)
    {
        var counts = new Option<string>("--counts")
        {
            Description = "The table [[a,b],[c,d]] as a,b,c,d: rows exposure yes/no, columns outcome yes/no.",
            Required = true,
        };
        var confLevel = CommonOptions.ConfidenceLevel("Confidence level of the odds-ratio intervals.");
        var json = CommonOptions.Json();
        return CliCommand.Create("table2x2", "Fisher's exact test, mid-p, chi-square and odds ratios of a 2 x 2 table, as R fisher.test and chisq.test.", [counts, confLevel, json], parse =>
        {
            var table = ParseCounts(parse.GetValue(counts)!);
            var level = CommonOptions.ConfidenceLevelOf(parse, confLevel);
            var result = TwoByTwoTest.Test(table, level);
            return CommandOutput.Print(context, "table2x2", parse.GetValue(json), result.Warnings,
                writer => TwoByTwoReport.WriteJson(writer, table, result, level), output => WriteReadable(output, table, result, level));
        });
    }

    /// <summary>Four non-negative whole numbers a,b,c,d.</summary>
    /// <exception cref="DataInputException">Not four values, or a value that is not a non-negative whole number.</exception>
    internal static TwoByTwoTable ParseCounts(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 4)
        {
            throw new DataInputException($"--counts needs four counts a,b,c,d, found {parts.Length} value(s) in '{text}'");
        }
        var values = new int[4];
        for (var i = 0; i < 4; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out values[i]))
            {
                throw new DataInputException($"--counts: '{parts[i]}' is not a non-negative whole number");
            }
        }
        return new TwoByTwoTable(values[0], values[1], values[2], values[3]);
    }

    private static void WriteReadable(TextWriter output, TwoByTwoTable table, TwoByTwoResult result, double level)
    {
        new TextTable("", "outcome yes", "outcome no")
            .AddRow("exposure yes", table.A.ToString(CultureInfo.InvariantCulture), table.B.ToString(CultureInfo.InvariantCulture))
            .AddRow("exposure no", table.C.ToString(CultureInfo.InvariantCulture), table.D.ToString(CultureInfo.InvariantCulture))
            .Write(output);
        output.WriteLine();
        var ci = $"{level * 100:G3}% CI";
        var tests = new TextTable("statistic", "value", ci, "p");
        tests.AddRow("Fisher's exact test", "", "", ReportText.Number(result.FisherP, 4));
        tests.AddRow("Fisher mid-p", "", "", ReportText.Number(result.FisherMidP, 4));
        tests.AddRow("Chi-square (Pearson)", ReportText.Number(result.ChiSquare.ChiSquare), "", ReportText.Number(result.ChiSquare.P, 4));
        tests.AddRow("Chi-square (Yates)", ReportText.Number(result.ChiSquareYates.ChiSquare), "", ReportText.Number(result.ChiSquareYates.P, 4));
        tests.AddRow("Odds ratio (ad/bc, Woolf CI)", ReportText.Number(result.OddsRatio.Estimate), Interval(result.OddsRatio), "");
        tests.AddRow("Odds ratio (conditional MLE, exact CI)", ReportText.Number(result.ConditionalOddsRatio.Estimate), Interval(result.ConditionalOddsRatio), "");
        tests.Write(output);
    }

    private static string Interval(IntervalEstimate estimate) =>
        $"{ReportText.Number(estimate.Lower)} - {ReportText.Number(estimate.Upper)}";
}
