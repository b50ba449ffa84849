using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Sarc.Cli.Output;
using Sarc.Data;
using Sarc.Data.Analysis;
using Sarc.Data.Csv;
using Sarc.Data.Tables;
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
        var command = new Command("compare", "Compare variables between groups (Table 1): Wilcoxon/Kruskal-Wallis for continuous, chi-square/Fisher for categorical, as gtsummary's defaults.")
        {
            data, group, variables, tests, json,
        };
        command.SetAction(parse =>
        {
            var frame = CsvTableReader.Read(parse.GetValue(data)!);
            var groupName = parse.GetValue(group)!;
            var names = CommonOptions.ParseNameList(parse.GetValue(variables)!);
            if (names.Length == 0)
            {
                throw new DataInputException("--vars needs at least one column name");
            }
            var requested = ParseTests(parse.GetValue(tests), names);
            var analysis = Analyse(frame, groupName, names, requested);
            foreach (var variable in analysis.Variables)
            {
                foreach (var warning in variable.Warnings)
                {
                    context.Error.WriteLine($"sarc compare: warning: {warning}");
                }
            }
            if (parse.GetValue(json))
            {
                JsonOutput.Write(context.Output, writer => WriteJson(writer, analysis));
            }
            else
            {
                WriteReadable(context.Output, analysis);
            }
            return SarcApp.Success;
        });
        return command;
    }

    internal sealed record Analysis(string Group, int Excluded, string[] Levels, int[] GroupSizes, IReadOnlyList<VariableComparison> Variables);

    internal static Analysis Analyse(DataFrame frame, string groupName, IReadOnlyList<string> names, IReadOnlyDictionary<string, ComparisonTest> requested)
    {
        foreach (var name in names)
        {
            frame.Column(name);
        }
        var cases = CompleteCases.Of(frame, [groupName]);
        var groups = AnalysisColumns.Factor(cases, groupName);
        if (groups.LevelCount < 2)
        {
            throw new DataInputException($"{frame.Source}: column '{groupName}' has {groups.LevelCount} group(s); comparing needs at least 2");
        }
        var labels = groups.Codes.Select(code => groups.Levels[code]).ToArray();
        var comparisons = new List<VariableComparison>(names.Count);
        foreach (var name in names)
        {
            var column = frame.Column(name);
            var test = requested.TryGetValue(name, out var chosen) ? chosen : (ComparisonTest?)null;
            var kind = test is { } t
                ? ComparisonTestNames.Applies(t, VariableKind.Categorical, groups.LevelCount) ? VariableKind.Categorical : VariableKind.Continuous
                : column.Numbers is null ? VariableKind.Categorical : GroupComparison.DefaultKind(Values(column, cases.Rows));
            if (test is { } named && !ComparisonTestNames.Applies(named, kind, groups.LevelCount))
            {
                throw new DataInputException($"--tests: {ComparisonTestNames.Name(named)} does not apply to '{name}' with {groups.LevelCount} groups");
            }
            if (kind == VariableKind.Continuous && column.Numbers is null)
            {
                throw new DataInputException($"--tests: {ComparisonTestNames.Name(test!.Value)} needs a numeric column, and '{name}' is text");
            }
            comparisons.Add(kind == VariableKind.Continuous
                ? GroupComparison.Continuous(name, Values(column, cases.Rows), labels, test)
                : column.Numbers is null
                    ? GroupComparison.Categorical(name, cases.Rows.Select(row => column.Texts![row]).ToArray(), labels, test)
                    : GroupComparison.Categorical(name, Values(column, cases.Rows), labels, test));
        }
        return new Analysis(groupName, cases.Excluded, groups.Levels, groups.Counts(), comparisons);
    }

    private static double[] Values(DataColumn column, int[] rows)
    {
        var values = new double[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            values[i] = column.Numbers![rows[i]];
        }
        return values;
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

    internal static void WriteJson(Utf8JsonWriter writer, Analysis analysis)
    {
        writer.WriteString("group", analysis.Group);
        writer.WriteNumber("n_excluded", analysis.Excluded);
        writer.WriteStartArray("groups");
        for (var g = 0; g < analysis.Levels.Length; g++)
        {
            writer.WriteStartObject();
            writer.WriteString("group", analysis.Levels[g]);
            writer.WriteNumber("n", analysis.GroupSizes[g]);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteStartArray("variables");
        foreach (var variable in analysis.Variables)
        {
            writer.WriteStartObject();
            writer.WriteString("name", variable.Name);
            writer.WriteString("kind", variable.Kind == VariableKind.Continuous ? "continuous" : "categorical");
            writer.WriteString("test", ComparisonTestNames.Name(variable.Test));
            writer.WriteNumberOrNull("statistic", variable.Statistic);
            writer.WriteNumberOrNull("df", variable.DegreesOfFreedom);
            writer.WriteNumberOrNull("p", variable.P);
            writer.WriteStartArray("summary");
            foreach (var summary in variable.Groups)
            {
                writer.WriteStartObject();
                writer.WriteString("group", summary.Group);
                writer.WriteNumber("n", summary.N);
                writer.WriteNumber("missing", summary.Missing);
                if (variable.Kind == VariableKind.Continuous)
                {
                    writer.WriteNumberOrNull("median", summary.Median);
                    writer.WriteNumberOrNull("q1", summary.Q1);
                    writer.WriteNumberOrNull("q3", summary.Q3);
                }
                else
                {
                    writer.WriteStartArray("levels");
                    foreach (var level in summary.Levels)
                    {
                        writer.WriteStartObject();
                        writer.WriteString("level", level.Level);
                        writer.WriteNumber("count", level.Count);
                        writer.WriteNumberOrNull("percent", level.Percent);
                        writer.WriteEndObject();
                    }
                    writer.WriteEndArray();
                }
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    /// <summary>The Table 1 as rows of text: one row per continuous variable, a header row plus one row per level for categorical ones.</summary>
    internal static IReadOnlyList<string[]> Rows(Analysis analysis)
    {
        var rows = new List<string[]>();
        foreach (var variable in analysis.Variables)
        {
            var p = Formatting.PValue(variable.P);
            var test = ComparisonTestNames.Name(variable.Test);
            if (variable.Kind == VariableKind.Continuous)
            {
                rows.Add([variable.Name + ", median (Q1, Q3)",
                    .. variable.Groups.Select(s => $"{Formatting.Number(s.Median)} ({Formatting.Number(s.Q1)}, {Formatting.Number(s.Q3)})"), p, test]);
                continue;
            }
            rows.Add([variable.Name + ", n (%)", .. variable.Groups.Select(_ => ""), p, test]);
            var levels = variable.Groups.SelectMany(s => s.Levels.Select(l => l.Level)).Distinct().ToArray();
            foreach (var level in levels)
            {
                rows.Add(["  " + level, .. variable.Groups.Select(s => s.Levels.FirstOrDefault(l => l.Level == level) is { } count
                    ? $"{count.Count} ({count.Percent.ToString("F1", CultureInfo.InvariantCulture)}%)" : "0"), "", ""]);
            }
        }
        return rows;
    }

    private static void WriteReadable(TextWriter output, Analysis analysis)
    {
        var table = new TextTable(["characteristic", .. analysis.Levels.Select((l, g) => $"{l} (n = {analysis.GroupSizes[g]})"), "p", "test"]);
        foreach (var row in Rows(analysis))
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
