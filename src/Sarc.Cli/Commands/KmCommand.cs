using Sarc.Statistics;
using Sarc.Statistics.Survival;

namespace Sarc.Cli.Commands;

/// <summary><c>sarc km</c>: Kaplan-Meier curves, medians, survival at chosen times, log-rank test and median follow-up, as R survfit/survdiff.</summary>
internal static class KmCommand
{
    public static Command Create(CliContext context)
    {
        var columns = new SurvivalColumnOptions(CommonOptions.Column("--event", "Event column: 0/1, 1/2 (2 = event), TRUE/FALSE or T/F, as R's Surv reads it."),
            "Grouping column: one curve per level and a log-rank test.", "survival, e.g. 12,24,60");
        var confType = new Option<string>("--conf-type")
        {
            Description = "Confidence interval transform: log (R's default), log-log or plain.",
            DefaultValueFactory = _ => "log",
        };
        confType.AcceptOnlyFromAmong("log", "log-log", "plain");
        var confLevel = CommonOptions.ConfidenceLevel("Confidence level.");
        var json = CommonOptions.Json();
        var plot = new PlotOption();
        return CliCommand.Create("km", "Kaplan-Meier survival with log-rank test and reverse Kaplan-Meier median follow-up, as R survfit(Surv(time, event) ~ group).",
            [.. columns.All, confType, confLevel, json, .. plot.All], parse =>
        {
            var plotFile = plot.Of(parse);
            var level = CommonOptions.ConfidenceLevelOf(parse, confLevel);
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
            var atTimes = columns.Times(parse);
            Stages.Mark("start, options");
            var (table, time, status, group) = columns.Read(parse);
            Stages.Mark("csv");
            var analysis = KmReport.Analyse(table, time, status, group, options, atTimes);
            PlotOption.Save(plotFile, () => new Sarc.Studies.Figures.KmFigure(analysis, "Survival probability", "Time", new Sarc.Studies.Reports.ReportLabels([])));
            var code = CommandOutput.Print(context, "km", parse.GetValue(json), analysis.Warnings,
                writer => KmReport.WriteJson(writer, analysis), output => WriteReadable(output, analysis));
            Stages.Mark("output");
            return code;
        });
    }

    internal static void WriteReadable(TextWriter output, KmAnalysis analysis)
    {
        var level = analysis.Curves[0].Options.ConfidenceLevel;
        var ci = $"{level * 100:G3}% CI";
        var summary = new TextTable(analysis.GroupColumn ?? "group", "n", "events", "median", ci);
        for (var g = 0; g < analysis.Curves.Count; g++)
        {
            var curve = analysis.Curves[g];
            var median = curve.Median();
            summary.AddRow(analysis.GroupColumn is null ? "all" : analysis.Levels[g], curve.N.ToString(), curve.EventCount.ToString(),
                ReportText.Number(median.Estimate), $"{ReportText.Number(median.Lower)} - {ReportText.Number(median.Upper)}");
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
                    table.AddRow(analysis.GroupColumn is null ? "all" : analysis.Levels[g], ReportText.Number(row.Time), row.AtRisk.ToString(),
                        ReportText.Number(row.Survival), ReportText.Number(row.StdErr),
                        $"{ReportText.Number(row.Lower)} - {ReportText.Number(row.Upper)}");
                }
            }
            table.Write(output);
        }
        output.WriteLine();
        if (analysis.LogRank is { } test)
        {
            output.WriteLine($"Log-rank test: chi-square = {ReportText.Number(test.ChiSquare, 5)} on {test.DegreesOfFreedom} df, {ReportText.PEquals(test.P)}");
        }
        var followUp = analysis.MedianFollowUp;
        output.WriteLine($"Median follow-up (reverse Kaplan-Meier): {ReportText.Number(followUp.Estimate)} ({ci} {ReportText.Number(followUp.Lower)} - {ReportText.Number(followUp.Upper)})");
        if (analysis.Excluded > 0)
        {
            output.WriteLine($"{analysis.Excluded} row(s) with missing values excluded.");
        }
    }
}
