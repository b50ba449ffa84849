using System.CommandLine;
using System.Text.Json;
using Sarc.Cli.Output;
using Sarc.Data;
using Sarc.Data.Analysis;
using Sarc.Data.Csv;
using Sarc.Statistics.Survival;

namespace Sarc.Cli.Commands;

/// <summary><c>sarc km</c>: Kaplan-Meier curves, medians, survival at chosen times, log-rank test and median follow-up, as R survfit/survdiff.</summary>
internal static class KmCommand
{
    public static Command Create(CliContext context)
    {
        var data = CommonOptions.Data();
        var time = CommonOptions.Column("--time", "Follow-up time column (numeric, >= 0).");
        var status = CommonOptions.Column("--event", "Event column: 1/TRUE = event, 0/FALSE = censored.");
        var group = CommonOptions.Column("--group", "Grouping column: one curve per level and a log-rank test.", required: false);
        var at = new Option<string>("--at") { Description = "Comma-separated times at which to report survival, e.g. 12,24,60." };
        var confType = new Option<string>("--conf-type")
        {
            Description = "Confidence interval transform: log (R's default), log-log or plain.",
            DefaultValueFactory = _ => "log",
        };
        confType.AcceptOnlyFromAmong("log", "log-log", "plain");
        var confLevel = new Option<double>("--conf-level") { Description = "Confidence level.", DefaultValueFactory = _ => 0.95 };
        var json = CommonOptions.Json();
        var command = new Command("km", "Kaplan-Meier survival with log-rank test and reverse Kaplan-Meier median follow-up, as R survfit(Surv(time, event) ~ group).")
        {
            data, time, status, group, at, confType, confLevel, json,
        };
        command.SetAction(parse =>
        {
            var level = parse.GetValue(confLevel);
            if (!(level > 0 && level < 1))
            {
                throw new DataInputException($"--conf-level must be between 0 and 1, found {level}");
            }
            var options = new KaplanMeierOptions
            {
                ConfidenceType = parse.GetValue(confType) switch
                {
                    "log-log" => ConfidenceType.LogLog,
                    "plain" => ConfidenceType.Plain,
                    _ => ConfidenceType.Log,
                },
                ConfidenceLevel = level,
            };
            var atTimes = parse.GetValue(at) is { } atText ? CommonOptions.ParseNumberList(atText, "--at") : [];
            var analysis = Analyse(CsvTableReader.Read(parse.GetValue(data)!), parse.GetValue(time)!, parse.GetValue(status)!,
                parse.GetValue(group), options, atTimes);
            foreach (var warning in analysis.Warnings)
            {
                context.Error.WriteLine($"sarc km: warning: {warning}");
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

    internal sealed record Analysis(
        int Excluded,
        QuantileEstimate MedianFollowUp,
        string? GroupColumn,
        string[] Levels,
        IReadOnlyList<KaplanMeierCurve> Curves,
        IReadOnlyList<SurvivalAtTime[]> At,
        LogRankResult? LogRank,
        IReadOnlyList<string> Warnings);

    internal static Analysis Analyse(Sarc.Data.Tables.DataFrame frame, string timeColumn, string eventColumn, string? groupColumn,
        KaplanMeierOptions options, double[] atTimes)
    {
        var used = groupColumn is null ? new[] { timeColumn, eventColumn } : [timeColumn, eventColumn, groupColumn];
        var cases = CompleteCases.Of(frame, used);
        var times = AnalysisColumns.Time(cases, timeColumn);
        var events = AnalysisColumns.Event(cases, eventColumn);
        if (times.Length == 0)
        {
            throw new DataInputException($"{frame.Source}: no rows left with {string.Join(", ", used)} all present ({cases.Excluded} excluded)");
        }
        var warnings = new List<string>();
        var groups = groupColumn is null ? null : AnalysisColumns.Factor(cases, groupColumn);
        var result = groups is null
            ? KaplanMeierAnalysis.Run(times, events, options)
            : KaplanMeierAnalysis.Run(times, events, groups.Codes, groups.LevelCount, options);
        warnings.AddRange(result.Warnings);
        if (groups is { LevelCount: 1 })
        {
            warnings.Add($"column '{groupColumn}' has a single level ('{groups.Levels[0]}'): no log-rank test");
        }
        var levels = groups?.Levels ?? [];
        var curves = result.Curves;
        var followUp = result.MedianFollowUp;
        var logRank = result.LogRank;
        var at = curves.Select(c => c.SummaryAt(atTimes).ToArray()).ToArray();
        return new Analysis(cases.Excluded, followUp, groupColumn, levels, curves, at, logRank, warnings.Distinct().ToArray());
    }

    internal static void WriteJson(Utf8JsonWriter writer, Analysis analysis)
    {
        writer.WriteNumber("n_excluded", analysis.Excluded);
        writer.WriteStartObject("median_followup");
        writer.WriteNumberOrNull("median", analysis.MedianFollowUp.Estimate);
        writer.WriteNumberOrNull("lower", analysis.MedianFollowUp.Lower);
        writer.WriteNumberOrNull("upper", analysis.MedianFollowUp.Upper);
        writer.WriteEndObject();
        writer.WriteStartArray("groups");
        for (var g = 0; g < analysis.Curves.Count; g++)
        {
            var curve = analysis.Curves[g];
            var median = curve.Median();
            writer.WriteStartObject();
            if (analysis.GroupColumn is null)
            {
                writer.WriteNull("group");
            }
            else
            {
                writer.WriteString("group", analysis.Levels[g]);
            }
            writer.WriteNumber("n", curve.N);
            writer.WriteNumber("events", curve.EventCount);
            writer.WriteNumberOrNull("median", median.Estimate);
            writer.WriteNumberOrNull("median_lower", median.Lower);
            writer.WriteNumberOrNull("median_upper", median.Upper);
            writer.WriteStartArray("at");
            foreach (var row in analysis.At[g])
            {
                writer.WriteStartObject();
                writer.WriteNumber("time", row.Time);
                writer.WriteNumber("n_risk", row.AtRisk);
                writer.WriteNumberOrNull("surv", row.Survival);
                writer.WriteNumberOrNull("std_err", row.StdErr);
                writer.WriteNumberOrNull("lower", row.Lower);
                writer.WriteNumberOrNull("upper", row.Upper);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteStartArray("steps");
            for (var i = 0; i < curve.Time.Length; i++)
            {
                writer.WriteStartObject();
                writer.WriteNumber("time", curve.Time[i]);
                writer.WriteNumber("n_risk", curve.AtRisk[i]);
                writer.WriteNumber("n_event", curve.Events[i]);
                writer.WriteNumber("n_censor", curve.Censored[i]);
                writer.WriteNumberOrNull("surv", curve.Survival[i]);
                writer.WriteNumberOrNull("lower", curve.Lower[i]);
                writer.WriteNumberOrNull("upper", curve.Upper[i]);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        if (analysis.LogRank is { } test)
        {
            writer.WriteStartObject("logrank");
            writer.WriteNumber("chisq", test.ChiSquare);
            writer.WriteNumber("df", test.DegreesOfFreedom);
            writer.WriteNumberOrNull("p", test.PValue);
            writer.WriteEndObject();
        }
        else if (analysis.GroupColumn is not null)
        {
            writer.WriteNull("logrank");
        }
    }

    internal static void WriteReadable(TextWriter output, Analysis analysis)
    {
        var level = analysis.Curves[0].Options.ConfidenceLevel;
        var ci = $"{level * 100:G3}% CI";
        var summary = new TextTable(analysis.GroupColumn ?? "group", "n", "events", "median", ci);
        for (var g = 0; g < analysis.Curves.Count; g++)
        {
            var curve = analysis.Curves[g];
            var median = curve.Median();
            summary.AddRow(analysis.GroupColumn is null ? "all" : analysis.Levels[g], curve.N.ToString(), curve.EventCount.ToString(),
                Formatting.Number(median.Estimate), $"{Formatting.Number(median.Lower)} - {Formatting.Number(median.Upper)}");
        }
        summary.Write(output);
        if (analysis.At.Any(rows => rows.Length > 0))
        {
            output.WriteLine();
            var table = new TextTable(analysis.GroupColumn ?? "group", "time", "n.risk", "survival", "std.err", ci);
            for (var g = 0; g < analysis.Curves.Count; g++)
            {
                foreach (var row in analysis.At[g])
                {
                    table.AddRow(analysis.GroupColumn is null ? "all" : analysis.Levels[g], Formatting.Number(row.Time), row.AtRisk.ToString(),
                        Formatting.Number(row.Survival), Formatting.Number(row.StdErr),
                        $"{Formatting.Number(row.Lower)} - {Formatting.Number(row.Upper)}");
                }
            }
            table.Write(output);
        }
        output.WriteLine();
        if (analysis.LogRank is { } test)
        {
            output.WriteLine($"Log-rank test: chi-square = {Formatting.Number(test.ChiSquare, 5)} on {test.DegreesOfFreedom} df, {Formatting.PEquals(test.PValue)}");
        }
        var followUp = analysis.MedianFollowUp;
        output.WriteLine($"Median follow-up (reverse Kaplan-Meier): {Formatting.Number(followUp.Estimate)} ({ci} {Formatting.Number(followUp.Lower)} - {Formatting.Number(followUp.Upper)})");
        if (analysis.Excluded > 0)
        {
            output.WriteLine($"{analysis.Excluded} row(s) with missing values excluded.");
        }
    }
}
