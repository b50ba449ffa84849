using Sarc.Data.Analysis;
using Sarc.Statistics.Hypothesis;

namespace Sarc.Cli.Commands;

/// <summary>
/// The classic tests of a paper's tables, each as R computes it (validation/classic.R): <c>sarc table2x2</c>, <c>sarc
/// compare</c> (Table 1) and <c>sarc correlate</c>.
/// </summary>
internal static class ClassicCommands
{
    /// <summary><c>sarc table2x2</c>: Fisher's exact test (and mid-p), Pearson chi-square with and without Yates, and odds ratios of a 2 x 2 table.</summary>
    public static Command Table2x2(CliContext context)
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

    /// <summary>
    /// <c>sarc compare</c>: the "Table 1" of a paper. Each variable is summarised per group (median (Q1, Q3) or n (%))
    /// and tested with gtsummary's default test, or the one named in --tests.
    /// </summary>
    public static Command Compare(CliContext context)
    {
        var data = CommonOptions.Data();
        var group = CommonOptions.Column("--group", "The grouping column (rows without a group are excluded and counted).");
        var variables = CommonOptions.Column("--vars", "Comma-separated columns to compare, e.g. age,bmi,smoking,histology.");
        var tests = new Option<string>("--tests")
        {
            Description = $"Per-variable tests instead of the defaults, e.g. age=welch_t,smoking=fisher; one of {string.Join(" | ", ComparisonTestNames.All)}.",
        };
        var json = CommonOptions.Json();
        return CliCommand.Create("compare", "Compare variables between groups (Table 1): Wilcoxon/Kruskal-Wallis for continuous, chi-square/Fisher for categorical, as gtsummary's defaults.", [data, group, variables, tests, json], parse =>
        {
            var frame = CsvTableReader.Read(parse.GetValue(data)!);
            var groupName = parse.GetValue(group)!;
            var names = CommonOptions.NamesOf(parse, variables);
            var requested = ParseTests(parse.GetValue(tests), names);
            var analysis = CompareReport.Analyse(frame, groupName, names, requested);
            return CommandOutput.Print(context, "compare", parse.GetValue(json), analysis.Variables.SelectMany(v => v.Warnings),
                writer => CompareReport.WriteJson(writer, analysis), output => WriteReadable(output, analysis));
        });
    }

    private static Dictionary<string, ComparisonTest> ParseTests(string? text, IReadOnlyList<string> names)
    {
        var tests = new Dictionary<string, ComparisonTest>(StringComparer.Ordinal);
        if (text is null)
        {
            return tests;
        }
        foreach (var pair in CommonOptions.ParseNameList(text))
        {
            var parts = pair.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || !ComparisonTestNames.TryParse(parts[1], out var test))
            {
                throw new DataInputException($"--tests: '{pair}' is not variable=test with a test among {string.Join(", ", ComparisonTestNames.All)}");
            }
            if (!names.Contains(parts[0]))
            {
                throw new DataInputException($"--tests: '{parts[0]}' is not one of --vars ({string.Join(", ", names)})");
            }
            tests[parts[0]] = test;
        }
        return tests;
    }

    private static void WriteReadable(TextWriter output, CompareAnalysis analysis)
    {
        var table = new TextTable(["characteristic", .. analysis.Levels.Select((l, g) => $"{l} (n = {analysis.GroupSizes[g]})"), "p", "test"]);
        foreach (var row in CompareReport.Rows(analysis))
        {
            table.AddRow(row);
        }
        table.Write(output);
        if (analysis.Excluded > 0)
        {
            output.WriteLine();
            output.WriteLine($"{analysis.Excluded} row(s) without a value in '{analysis.Group}' excluded.");
        }
    }

    /// <summary><c>sarc correlate</c>: Pearson or Spearman correlation of one column with several, pairwise complete, as R cor.test.</summary>
    public static Command Correlate(CliContext context)
    {
        var data = CommonOptions.Data();
        var x = CommonOptions.Column("--x", "The numeric column to correlate with each --y column.");
        var y = CommonOptions.Column("--y", "Comma-separated numeric columns, e.g. age,bmi,size_cm.");
        var method = new Option<string>("--method") { Description = "spearman (ranks; R's t approximation, exact = FALSE) or pearson.", DefaultValueFactory = _ => "spearman" };
        method.AcceptOnlyFromAmong("spearman", "pearson");
        var json = CommonOptions.Json();
        return CliCommand.Create("correlate", "Correlation tests of one column with others (pairwise complete cases), as R cor.test.", [data, x, y, method, json], parse =>
        {
            var frame = CsvTableReader.Read(parse.GetValue(data)!);
            var xName = parse.GetValue(x)!;
            var yNames = CommonOptions.NamesOf(parse, y);
            var correlationMethod = parse.GetValue(method) == "pearson" ? CorrelationMethod.Pearson : CorrelationMethod.Spearman;
            var xValues = AnalysisColumns.NumericWithMissing(frame, xName);
            var results = yNames.Select(name => (Name: name, Result: CorrelationTest.Test(xValues, AnalysisColumns.NumericWithMissing(frame, name), correlationMethod))).ToArray();
            return CommandOutput.Print(context, "correlate", parse.GetValue(json),
                results.SelectMany(r => r.Result.Warnings.Select(w => $"{xName} ~ {r.Name}: {w}")),
                writer => CorrelationReport.WriteJson(writer, correlationMethod, xName, results),
                output =>
                {
                    var table = new TextTable("x", "y", "n", correlationMethod == CorrelationMethod.Pearson ? "r" : "rho", "p");
                    foreach (var (name, result) in results)
                    {
                        table.AddRow(xName, name, result.N.ToString(System.Globalization.CultureInfo.InvariantCulture),
                            ReportText.Number(result.Estimate, 3), ReportText.PValue(result.P));
                    }
                    table.Write(output);
                });
        });
    }
}
