namespace Sarc.Cli.Commands;

/// <summary><c>sarc cif</c>: cumulative incidence of competing risks per cause, with Gray's test across groups, as R cmprsk::cuminc.</summary>
internal static class CifCommand
{
    public static Command Create(CliContext context)
    {
        var columns = new SurvivalColumnOptions(CommonOptions.Column("--status", "Status column: 0 = censored, any other whole number = the cause of the event."),
            "Grouping column: curves per level and Gray's test per cause.", "the cumulative incidence, e.g. 12,24,60");
        var json = CommonOptions.Json();
        var plot = new PlotOption();
        return CliCommand.Create("cif", "Cumulative incidence of competing risks with Gray's test, as R cmprsk::cuminc(time, status, group).", [.. columns.All, json, .. plot.All], parse =>
        {
            var plotFile = plot.Of(parse);
            var atTimes = columns.Times(parse);
            var (table, time, status, group) = columns.Read(parse);
            var analysis = CifReport.Analyse(table, time, status, group);
            PlotOption.Save(plotFile, () => new Sarc.Studies.Figures.CifFigure(analysis, new Dictionary<int, string>(), new Sarc.Studies.Reports.ReportLabels([]), "Time"));
            return CommandOutput.Print(context, "cif", parse.GetValue(json), analysis.Warnings,
                writer => CifReport.WriteJson(writer, analysis, atTimes), output => WriteReadable(output, analysis, atTimes));
        });
    }

    internal static void WriteReadable(TextWriter output, CifAnalysis analysis, double[] atTimes)
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
                        table.AddRow(GroupName(analysis, g), Label(cause), ReportText.Number(t), ReportText.Number(curve.EstimateAt(t)),
                            ReportText.Number(Math.Sqrt(curve.VarianceAt(t))));
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
                        ReportText.Number(curve.MaxTime), ReportText.Number(last < 0 ? 0 : curve.Estimates[last]),
                        ReportText.Number(last < 0 ? 0 : Math.Sqrt(curve.Variances[last])));
                }
            }
            table.Write(output);
        }
        if (result.Tests.Count > 0)
        {
            output.WriteLine();
            foreach (var test in result.Tests)
            {
                output.WriteLine($"Gray's test, cause {Label(test.Cause)}: chi-square = {ReportText.Number(test.ChiSquare, 5)} on {test.DegreesOfFreedom} df, {ReportText.PEquals(test.P)}");
            }
        }
        if (analysis.Excluded > 0)
        {
            output.WriteLine($"{analysis.Excluded} row(s) with missing values excluded.");
        }
    }

    private static string Label(int code) => code.ToString(CultureInfo.InvariantCulture);

    private static string GroupName(CifAnalysis analysis, int g) => analysis.GroupColumn is null ? "all" : analysis.Levels[g];
}
