using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Sarc.Cli.Output;
using Sarc.Studies.Json;
using Sarc.Data;
using Sarc.Data.Analysis;
using Sarc.Data.Csv;
using Sarc.Statistics.Multistate;
using Sarc.Statistics.Survival;

namespace Sarc.Cli.Commands;

/// <summary>
/// <c>sarc multistate</c>: Aalen-Johansen state occupancy probabilities from (start, stop] rows of patients moving
/// between states, as R <c>survfit(Surv(start, stop, event) ~ 1, id = id)</c> with a factor event.
/// </summary>
internal static class MultistateCommand
{
    /// <summary>The name of the state every patient starts in (R's "(s0)").</summary>
    public const string EntryState = "entry";

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
        var at = new Option<string>("--at") { Description = "Comma-separated times at which to report the probabilities (default: every time in the data)." };
        var json = CommonOptions.Json();
        var command = new Command("multistate", "Aalen-Johansen state occupancy probabilities, as R survfit(Surv(start, stop, event) ~ 1, id = id).")
        {
            data, id, start, stop, eventColumn, states, absorbing, at, json,
        };
        command.SetAction(parse =>
        {
            var atTimes = parse.GetValue(at) is { } atText ? CommonOptions.ParseNumberList(atText, "--at") : null;
            var analysis = Analyse(CsvTableReader.Read(parse.GetValue(data)!), parse.GetValue(id)!, parse.GetValue(start)!,
                parse.GetValue(stop)!, parse.GetValue(eventColumn)!,
                parse.GetValue(states) is { } s ? CommonOptions.ParseNameList(s) : null,
                parse.GetValue(absorbing) is { } a ? CommonOptions.ParseNameList(a) : null);
            var times = atTimes ?? analysis.Result.Times;
            if (parse.GetValue(json))
            {
                JsonOutput.Write(context.Output, writer => WriteJson(writer, analysis, times));
            }
            else
            {
                WriteReadable(context.Output, analysis, times);
            }
            return SarcApp.Success;
        });
        return command;
    }

    internal sealed record Analysis(int Excluded, int Rows, string[] States, AalenJohansenResult Result);

    internal static Analysis Analyse(Sarc.Data.Tables.DataFrame frame, string idColumn, string startColumn, string stopColumn,
        string eventColumn, string[]? stateOrder, string[]? absorbingStates)
    {
        // The event column may be empty (= censored), so only id, start and stop decide which rows are complete.
        var cases = CompleteCases.Of(frame, [idColumn, startColumn, stopColumn]);
        var events = frame.Column(eventColumn);
        var n = cases.Rows.Length;
        if (n == 0)
        {
            throw new DataInputException($"{frame.Source}: no rows left with {idColumn}, {startColumn}, {stopColumn} all present ({cases.Excluded} excluded)");
        }
        var start = AnalysisColumns.Numeric(cases, startColumn, "a numeric time");
        var stop = AnalysisColumns.Numeric(cases, stopColumn, "a numeric time");
        for (var i = 0; i < n; i++)
        {
            if (!double.IsFinite(start[i]) || !double.IsFinite(stop[i]))
            {
                throw new DataInputException($"{frame.Source}: line {cases.LineOf(i)}: start and stop must be finite numbers");
            }
        }
        var names = new string?[n];
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            var text = events.TextAt(cases.Rows[i])?.Trim();
            names[i] = string.IsNullOrEmpty(text) ? null : text;
            if (names[i] is { } name)
            {
                if (name == EntryState)
                {
                    throw new DataInputException($"{frame.Source}: line {cases.LineOf(i)}: column '{eventColumn}': '{EntryState}' is the initial state and cannot be entered");
                }
                seen.Add(name);
            }
        }
        var order = stateOrder ?? [.. seen];
        foreach (var name in order)
        {
            if (name == EntryState)
            {
                throw new DataInputException($"--states: '{EntryState}' is the initial state; list only the states patients move to");
            }
        }
        string[] stateNames = [EntryState, .. order];
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var s = 0; s < stateNames.Length; s++)
        {
            if (!index.TryAdd(stateNames[s], s))
            {
                throw new DataInputException($"--states: '{stateNames[s]}' is listed twice");
            }
        }
        var to = new int[n];
        for (var i = 0; i < n; i++)
        {
            if (names[i] is null)
            {
                to[i] = AalenJohansen.Censored;
            }
            else if (!index.TryGetValue(names[i]!, out to[i]))
            {
                throw new DataInputException(
                    $"{frame.Source}: line {cases.LineOf(i)}: column '{eventColumn}': state '{names[i]}' is not in --states ({string.Join(", ", order)})");
            }
        }
        var absorbing = new bool[stateNames.Length];
        foreach (var name in absorbingStates ?? (index.ContainsKey("death") ? ["death"] : []))
        {
            if (!index.TryGetValue(name, out var s))
            {
                throw new DataInputException($"--absorbing: '{name}' is not a state ({string.Join(", ", order)})");
            }
            absorbing[s] = true;
        }
        var subjects = AnalysisColumns.Factor(cases, idColumn);
        // survfit merges near-equal times (aeqSurv) over start and stop together.
        var merged = TimeFix.Merge([.. start, .. stop]);
        Array.Copy(merged, 0, start, 0, n);
        Array.Copy(merged, n, stop, 0, n);
        var problems = AalenJohansen.Check(subjects.Codes, start, stop, to, absorbing);
        if (problems.Count > 0)
        {
            var first = problems[0];
            var more = problems.Count > 1 ? $" (and {problems.Count - 1} more problem(s))" : "";
            throw new DataInputException(
                $"{frame.Source}: line {cases.LineOf(first.Row)}: id '{subjects.Levels[first.Subject]}': {Describe(first, stateNames)}{more}");
        }
        var result = AalenJohansen.Fit(subjects.Codes, start, stop, to, stateNames.Length, subjects.LevelCount);
        return new Analysis(cases.Excluded, n, stateNames, result);
    }

    private static string Describe(IntervalProblem problem, string[] stateNames) =>
        problem.AbsorbingState >= 0
            ? $"a transition out of absorbing state '{stateNames[problem.AbsorbingState]}' (entered at {problem.AbsorbedAt.ToString("G15", CultureInfo.InvariantCulture)})"
            : problem.Message;

    internal static void WriteJson(Utf8JsonWriter writer, Analysis analysis, double[] times)
    {
        var result = analysis.Result;
        writer.WriteNumber("n_subjects", result.Subjects);
        writer.WriteNumber("n_rows", analysis.Rows);
        writer.WriteNumber("n_excluded", analysis.Excluded);
        writer.WriteStartArray("states");
        foreach (var state in analysis.States)
        {
            writer.WriteStringValue(state);
        }
        writer.WriteEndArray();
        writer.WriteStartArray("at");
        foreach (var t in times)
        {
            var (p, se) = result.At(t);
            writer.WriteStartObject();
            writer.WriteNumber("time", t);
            writer.WriteStartObject("pstate");
            for (var s = 0; s < analysis.States.Length; s++)
            {
                writer.WriteNumberOrNull(analysis.States[s], p[s]);
            }
            writer.WriteEndObject();
            writer.WriteStartObject("std_err");
            for (var s = 0; s < analysis.States.Length; s++)
            {
                writer.WriteNumberOrNull(analysis.States[s], se[s]);
            }
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteStartArray("transitions");
        var count = analysis.States.Length;
        for (var from = 0; from < count; from++)
        {
            for (var to = 0; to < count; to++)
            {
                var n = result.Transitions[from * count + to];
                if (n > 0)
                {
                    writer.WriteStartObject();
                    writer.WriteString("from", analysis.States[from]);
                    writer.WriteString("to", analysis.States[to]);
                    writer.WriteNumber("n", n);
                    writer.WriteEndObject();
                }
            }
        }
        writer.WriteEndArray();
    }

    internal static void WriteReadable(TextWriter output, Analysis analysis, double[] times)
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
