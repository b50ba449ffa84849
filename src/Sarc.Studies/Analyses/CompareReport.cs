using System.Globalization;
using System.Text.Json;
using Sarc.Data;
using Sarc.Data.Analysis;
using Sarc.Data.Tables;
using Sarc.Statistics.Hypothesis;
using Sarc.Studies.Json;
using Sarc.Studies.Reports;

namespace Sarc.Studies.Analyses;

/// <summary>
/// The group comparison of <c>sarc compare</c> (Table 1), shared with the study runner: each variable summarised per
/// group and tested with gtsummary's default test (Wilcoxon/Kruskal-Wallis, chi-square/Fisher) or a requested one.
/// </summary>
public static class CompareReport
{
    /// <summary>Compares <paramref name="names"/> between the levels of <paramref name="groupName"/> (rows without a group excluded and counted).</summary>
    /// <exception cref="DataInputException">A missing column, fewer than two groups, or a requested test that does not apply.</exception>
    public static CompareAnalysis Analyse(DataFrame frame, string groupName, IReadOnlyList<string> names, IReadOnlyDictionary<string, ComparisonTest> requested)
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
            if (kind == VariableKind.Continuous)
            {
                comparisons.Add(GroupComparison.Continuous(name, Values(column, cases.Rows), groups.Codes, groups.Levels, test));
            }
            else
            {
                var levels = AnalysisColumns.FactorWithMissing(cases, name);
                comparisons.Add(GroupComparison.Categorical(name, levels.Codes, levels.Levels, groups.Codes, groups.Levels, test));
            }
        }
        return new CompareAnalysis(groupName, cases.Excluded, groups.Levels, groups.Counts(), comparisons);
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

    /// <summary>
    /// Writes the comparison's JSON members into the open object: the group column, <c>n_excluded</c>, the group sizes,
    /// and per variable its kind, test, statistic, df, p and per-group summary. NaN is written as null.
    /// </summary>
    public static void WriteJson(Utf8JsonWriter writer, CompareAnalysis analysis)
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

    /// <summary>
    /// The Table 1 as rows of text: one row per continuous variable, a header row plus one row per level for categorical
    /// ones. With <paramref name="labels"/> (the HTML report) variables and levels read as a journal prints them and
    /// medians and quartiles have one decimal; without, the column names and 4 significant digits, as <c>sarc compare</c>.
    /// </summary>
    public static IReadOnlyList<string[]> Rows(CompareAnalysis analysis, ReportLabels? labels = null)
    {
        var rows = new List<string[]>();
        string Number(double value) => labels is null ? ReportText.Number(value) : ReportText.Fixed(value, 1);
        foreach (var variable in analysis.Variables)
        {
            var p = ReportText.PValue(variable.P);
            var test = ComparisonTestNames.Name(variable.Test);
            var name = labels?.Name(variable.Name) ?? variable.Name;
            // With labels (the report), a variable with missing values gets an "Unknown" row, as gtsummary does;
            // percentages are of the patients with a value.
            string[]? unknown = labels is not null && variable.Groups.Any(g => g.Missing > 0)
                ? ["  Unknown", .. variable.Groups.Select(g => g.Missing.ToString(CultureInfo.InvariantCulture)), "", ""]
                : null;
            if (variable.Kind == VariableKind.Continuous)
            {
                rows.Add([name + ", median (Q1, Q3)",
                    .. variable.Groups.Select(s => $"{Number(s.Median)} ({Number(s.Q1)}, {Number(s.Q3)})"), p, test]);
                if (unknown is not null)
                {
                    rows.Add(unknown);
                }
                continue;
            }
            rows.Add([name + ", n (%)", .. variable.Groups.Select(_ => ""), p, test]);
            var levels = variable.Groups.SelectMany(s => s.Levels.Select(l => l.Level)).Distinct().ToArray();
            foreach (var level in levels)
            {
                rows.Add(["  " + (labels?.Level(variable.Name, level) ?? level), .. variable.Groups.Select(s => s.Levels.FirstOrDefault(l => l.Level == level) is { } count
                    ? $"{count.Count} ({count.Percent.ToString("F1", CultureInfo.InvariantCulture)}%)" : "0"), "", ""]);
            }
            if (unknown is not null)
            {
                rows.Add(unknown);
            }
        }
        return rows;
    }
}
