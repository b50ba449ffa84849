using Sarc.Statistics.Hypothesis;

namespace Sarc.Cli.Commands;

/// <summary>
/// <c>sarc compare</c>: the "Table 1" of a paper. Each variable is summarised per group (median (Q1, Q3) or n (%))
/// and tested with gtsummary's default test, or the one named in --tests.
/// </summary>
internal static class CompareCommand
{
    public static Command Create(CliContext context)
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
}
