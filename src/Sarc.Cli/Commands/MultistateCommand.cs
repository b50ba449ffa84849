namespace Sarc.Cli.Commands;

/// <summary>
/// <c>sarc multistate</c>: Aalen-Johansen state occupancy probabilities from (start, stop] rows of patients moving
/// between states, as R <c>survfit(Surv(start, stop, event) ~ 1, id = id)</c> with a factor event.
/// </summary>
internal static class MultistateCommand
{
    public static Command Create(CliContext context)
    {
        var data = CommonOptions.Data();
        var id = CommonOptions.Column("--id", "Patient identifier column: one row per interval, several rows per patient.");
        var start = CommonOptions.Column("--start", "Interval start column (numeric): the interval is (start, stop].");
        var stop = CommonOptions.Column("--stop", "Interval end column (numeric).");
        var eventColumn = CommonOptions.Column("--event", "State entered at stop (e.g. LR, DM, death); empty or NA = censored.");
        var states = new Option<string>("--states") { Description = "Order of the states other than entry, comma-separated (default: sorted)." };
        var absorbing = new Option<string>("--absorbing")
        {
            Description = "Comma-separated absorbing states, which no patient may leave (default: death, when it is a state).",
        };
        var at = CommonOptions.At("the probabilities (default: every time in the data)");
        var json = CommonOptions.Json();
        var plot = new PlotOption();
        return CliCommand.Create("multistate", "Aalen-Johansen state occupancy probabilities, as R survfit(Surv(start, stop, event) ~ 1, id = id).",
            [data, id, start, stop, eventColumn, states, absorbing, at, json, .. plot.All], parse =>
        {
            var plotFile = plot.Of(parse);
            var atTimes = CommonOptions.TimesOf(parse, at);
            string[] used = [parse.GetValue(id)!, parse.GetValue(start)!, parse.GetValue(stop)!, parse.GetValue(eventColumn)!];
            var analysis = MultistateReport.Analyse(CsvTableReader.Read(parse.GetValue(data)!, used), parse.GetValue(id)!, parse.GetValue(start)!,
                parse.GetValue(stop)!, parse.GetValue(eventColumn)!,
                parse.GetValue(states) is { } s ? CommonOptions.ParseNameList(s) : null,
                parse.GetValue(absorbing) is { } a ? CommonOptions.ParseNameList(a) : null);
            var times = atTimes ?? analysis.Result.Times;
            PlotOption.Save(plotFile, () => new Sarc.Studies.Figures.StateOccupancyFigure([("", analysis)], "Time"));
            return CommandOutput.Print(context, "multistate", parse.GetValue(json), [],
                writer => MultistateReport.WriteJson(writer, analysis, times), output => WriteReadable(output, analysis, times));
        });
    }

    internal static void WriteReadable(TextWriter output, MultistateAnalysis analysis, double[] times)
    {
        var result = analysis.Result;
        var headers = new List<string> { "time" };
        foreach (var state in analysis.States)
        {
            headers.Add(state);
            headers.Add("se");
        }
        var table = new TextTable([.. headers]);
        foreach (var t in times)
        {
            var (p, se) = result.At(t);
            var cells = new List<string> { ReportText.Number(t) };
            for (var s = 0; s < analysis.States.Length; s++)
            {
                cells.Add(ReportText.Number(p[s]));
                cells.Add(ReportText.Number(se[s]));
            }
            table.AddRow([.. cells]);
        }
        table.Write(output);
        output.WriteLine();
        var count = analysis.States.Length;
        var transitions = new List<string>();
        for (var from = 0; from < count; from++)
        {
            for (var to = 0; to < count; to++)
            {
                if (result.Transitions[from * count + to] > 0)
                {
                    transitions.Add($"{analysis.States[from]} -> {analysis.States[to]}: {result.Transitions[from * count + to]}");
                }
            }
        }
        output.WriteLine($"Transitions: {string.Join("; ", transitions)}");
        output.WriteLine($"{result.Subjects} patients, {analysis.Rows} intervals.");
        if (analysis.Excluded > 0)
        {
            output.WriteLine($"{analysis.Excluded} row(s) with missing values excluded.");
        }
    }
}
