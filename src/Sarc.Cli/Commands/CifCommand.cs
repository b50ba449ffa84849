using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Sarc.Cli.Output;
using Sarc.Data;
using Sarc.Data.Analysis;
using Sarc.Data.Csv;
using Sarc.Statistics.CompetingRisks;

namespace Sarc.Cli.Commands;

/// <summary><c>sarc cif</c>: cumulative incidence of competing risks per cause, with Gray's test across groups, as R cmprsk::cuminc.</summary>
internal static class CifCommand
{
    public static Command Create(CliContext context)
    {
        var data = CommonOptions.Data();
        var time = CommonOptions.Column("--time", "Follow-up time column (numeric, >= 0).");
        var status = CommonOptions.Column("--status", "Status column: 0 = censored, any other whole number = the cause of the event.");
        var group = CommonOptions.Column("--group", "Grouping column: curves per level and Gray's test per cause.", required: false);
        var at = new Option<string>("--at") { Description = "Comma-separated times at which to report the cumulative incidence, e.g. 12,24,60." };
        var json = CommonOptions.Json();
        var command = new Command("cif", "Cumulative incidence of competing risks with Gray's test, as R cmprsk::cuminc(time, status, group).")
        {
            data, time, status, group, at, json,
        };
        command.SetAction(parse =>
        {
            var atTimes = parse.GetValue(at) is { } atText ? CommonOptions.ParseNumberList(atText, "--at") : [];
            var analysis = Analyse(CsvTableReader.Read(parse.GetValue(data)!), parse.GetValue(time)!, parse.GetValue(status)!, parse.GetValue(group));
            foreach (var warning in analysis.Warnings)
            {
                context.Error.WriteLine($"sarc cif: warning: {warning}");
            }
            if (parse.GetValue(json))
            {
                JsonOutput.Write(context.Output, writer => WriteJson(writer, analysis, atTimes));
            }
            else
            {
                WriteReadable(context.Output, analysis, atTimes);
            }
            return SarcApp.Success;
        });
        return command;
    }

    internal sealed record Analysis(int Excluded, string? GroupColumn, string[] Levels, CumulativeIncidenceResult Result, IReadOnlyList<string> Warnings);

    internal static Analysis Analyse(Sarc.Data.Tables.DataFrame frame, string timeColumn, string statusColumn, string? groupColumn)
    {
        var used = groupColumn is null ? new[] { timeColumn, statusColumn } : [timeColumn, statusColumn, groupColumn];
        var cases = CompleteCases.Of(frame, used);
        var times = AnalysisColumns.Time(cases, timeColumn);
        var codes = StatusCodes(cases, statusColumn);
        if (times.Length == 0)
        {
            throw new DataInputException($"{frame.Source}: no rows left with {string.Join(", ", used)} all present ({cases.Excluded} excluded)");
        }
        var warnings = new List<string>();
        CumulativeIncidenceResult result;
        string[] levels = [];
        if (groupColumn is null)
        {
            result = CumulativeIncidence.Fit(times, codes);
        }
        else
        {
            var factor = AnalysisColumns.Factor(cases, groupColumn);
            levels = factor.Levels;
            result = CumulativeIncidence.Fit(times, codes, factor.Codes, factor.LevelCount);
            if (factor.LevelCount < 2)
            {
                warnings.Add($"column '{groupColumn}' has a single level ('{levels[0]}'): no Gray's test");
            }
        }
        if (result.Causes.Length == 0)
        {
            warnings.Add($"column '{statusColumn}' has no events (every row is censored): no cumulative incidence to estimate");
        }
        warnings.AddRange(result.Warnings);
        return new Analysis(cases.Excluded, groupColumn, levels, result, warnings);
    }

    /// <summary>The status column as whole-number codes: 0 = censored, a positive code = a cause.</summary>
    /// <exception cref="DataInputException">A negative, fractional or non-numeric code, naming its line.</exception>
    internal static int[] StatusCodes(CompleteCases cases, string name)
    {
        var values = AnalysisColumns.Numeric(cases, name, "a whole-number status code (0 = censored)");
        var codes = new int[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            if (!(v >= 0) || v != Math.Floor(v) || v > int.MaxValue)
            {
                throw new DataInputException(
                    $"{cases.Frame.Source}: line {cases.LineOf(i)}: column '{name}': status must be 0 (censored) or a positive whole-number cause, found {v.ToString("R", CultureInfo.InvariantCulture)}");
            }
            codes[i] = (int)v;
        }
        return codes;
    }

    private static string Label(int code) => code.ToString(CultureInfo.InvariantCulture);

    internal static void WriteJson(Utf8JsonWriter writer, Analysis analysis, double[] atTimes)
    {
        var result = analysis.Result;
        writer.WriteNumber("n", result.Count);
        writer.WriteNumber("n_excluded", analysis.Excluded);
        writer.WriteStartArray("groups");
        foreach (var g in result.Groups)
        {
            writer.WriteStartObject();
            if (analysis.GroupColumn is null)
            {
                writer.WriteNull("group");
            }
            else
            {
                writer.WriteString("group", analysis.Levels[g]);
            }
            writer.WriteStartArray("causes");
            foreach (var cause in result.Causes)
            {
                var curve = result.Curve(g, cause);
                writer.WriteStartObject();
                writer.WriteString("cause", Label(cause));
                writer.WriteStartArray("at");
                foreach (var t in atTimes)
                {
                    writer.WriteStartObject();
                    writer.WriteNumber("time", t);
                    writer.WriteNumberOrNull("cif", curve.EstimateAt(t));
                    writer.WriteNumberOrNull("variance", curve.VarianceAt(t));
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
                writer.WriteStartArray("steps");
                for (var i = 0; i < curve.Times.Length; i++)
                {
                    writer.WriteStartObject();
                    writer.WriteNumber("time", curve.Times[i]);
                    writer.WriteNumberOrNull("cif", curve.Estimates[i]);
                    writer.WriteNumberOrNull("variance", curve.Variances[i]);
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        if (analysis.GroupColumn is not null)
        {
            writer.WriteStartArray("gray_test");
            foreach (var test in result.Tests)
            {
                writer.WriteStartObject();
                writer.WriteString("cause", Label(test.Cause));
                writer.WriteNumberOrNull("stat", test.Statistic);
                writer.WriteNumber("df", test.DegreesOfFreedom);
                writer.WriteNumberOrNull("p", test.PValue);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
    }

    internal static void WriteReadable(TextWriter output, Analysis analysis, double[] atTimes)
    {
        var result = analysis.Result;
        var groupHeader = analysis.GroupColumn ?? "group";
        if (atTimes.Length > 0)
        {
            var table = new TextTable(groupHeader, "cause", "time", "cif", "std.err");
            foreach (var g in result.Groups)
            {
                foreach (var cause in result.Causes)
                {
                    var curve = result.Curve(g, cause);
                    foreach (var t in atTimes)
                    {
                        table.AddRow(GroupName(analysis, g), Label(cause), Formatting.Number(t), Formatting.Number(curve.EstimateAt(t)),
                            Formatting.Number(Math.Sqrt(curve.VarianceAt(t))));
                    }
                }
            }
            table.Write(output);
        }
        else
        {
            var table = new TextTable(groupHeader, "cause", "events at", "last time", "cif", "std.err");
            foreach (var g in result.Groups)
            {
                foreach (var cause in result.Causes)
                {
                    var curve = result.Curve(g, cause);
                    var last = curve.Times.Length - 1;
                    table.AddRow(GroupName(analysis, g), Label(cause), curve.Times.Length.ToString(CultureInfo.InvariantCulture),
                        Formatting.Number(curve.MaxTime), Formatting.Number(last < 0 ? 0 : curve.Estimates[last]),
                        Formatting.Number(last < 0 ? 0 : Math.Sqrt(curve.Variances[last])));
                }
            }
            table.Write(output);
        }
        if (result.Tests.Count > 0)
        {
            output.WriteLine();
            foreach (var test in result.Tests)
            {
                output.WriteLine($"Gray's test, cause {Label(test.Cause)}: chi-square = {Formatting.Number(test.Statistic, 5)} on {test.DegreesOfFreedom} df, {Formatting.PEquals(test.PValue)}");
            }
        }
        if (analysis.Excluded > 0)
        {
            output.WriteLine($"{analysis.Excluded} row(s) with missing values excluded.");
        }
    }

    private static string GroupName(Analysis analysis, int g) => analysis.GroupColumn is null ? "all" : analysis.Levels[g];
}
