using Sarc.Data.Analysis;
using Sarc.Data.Models;
using Sarc.Statistics.Multistate;
using Sarc.Statistics.Survival;

namespace Sarc.Studies.Analyses;

/// <summary>
/// State occupancy probabilities from (start, stop] interval rows and their JSON, shared by <c>sarc multistate</c> and
/// the study runner: Aalen-Johansen with infinitesimal-jackknife standard errors, as R
/// <c>survfit(Surv(start, stop, event) ~ 1, id = id)</c> with a factor event.
/// </summary>
public static class MultistateReport
{
    /// <summary>The name of the state every patient starts in (R's "(s0)").</summary>
    public const string EntryState = TransitionData.EntryState;

    /// <summary>
    /// Fits the occupancy probabilities. Rows missing the id, start or stop are left out and counted; an empty event
    /// means censored at stop.
    /// </summary>
    /// <param name="frame">One row per interval.</param>
    /// <param name="idColumn">Patient identifier column.</param>
    /// <param name="startColumn">Interval start (exclusive), numeric.</param>
    /// <param name="stopColumn">Interval end (inclusive), numeric.</param>
    /// <param name="eventColumn">The state entered at stop; empty = censored.</param>
    /// <param name="stateOrder">Order of the states other than entry (default: sorted).</param>
    /// <param name="absorbingStates">States no patient may leave (default: death, when it is a state).</param>
    /// <exception cref="DataInputException">No complete row, a non-finite time, an unknown or repeated state, or a path that is not one chain of intervals (naming the line and id).</exception>
    public static MultistateAnalysis Analyse(Sarc.Data.Tables.DataFrame frame, string idColumn, string startColumn, string stopColumn,
        string eventColumn, string[]? stateOrder, string[]? absorbingStates)
    {
        // The event column may be empty (= censored), so only id, start and stop decide which rows are complete.
        var cases = AnalysisRows.Complete(frame, idColumn, startColumn, stopColumn);
        var n = cases.Rows.Length;
        var start = AnalysisColumns.Numeric(cases, startColumn, "a numeric time");
        var stop = AnalysisColumns.Numeric(cases, stopColumn, "a numeric time");
        for (var i = 0; i < n; i++)
        {
            if (!double.IsFinite(start[i]) || !double.IsFinite(stop[i]))
            {
                throw new DataInputException($"{frame.Source}: line {cases.LineOf(i)}: start and stop must be finite numbers");
            }
        }
        var names = AnalysisColumns.States(cases, eventColumn);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            if (names[i] is { } name)
            {
                if (name == EntryState)
                {
                    throw new DataInputException($"{frame.Source}: line {cases.LineOf(i)}: column '{eventColumn}': '{EntryState}' is the initial state and cannot be entered");
                }
                seen.Add(name);
            }
        }
        var order = stateOrder ?? LevelOrder.SortDistinct(seen);
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
        var data = new MultistateData(subjects.Codes, start, stop, to, stateNames.Length, subjects.LevelCount, absorbing);
        var model = new AalenJohansen();
        var problems = model.Check(data);
        DataProblems.ThrowIfAny(frame.Source, problems, cases.LineOf,
            describe: p => $"id '{subjects.Levels[((IntervalProblem)p).Subject]}': {Describe((IntervalProblem)p, stateNames)}");
        var result = model.Fit(data);
        return new MultistateAnalysis(cases.Excluded, n, stateNames, result);
    }

    private static string Describe(IntervalProblem problem, string[] stateNames) =>
        problem.AbsorbingState >= 0
            ? $"a transition out of absorbing state '{stateNames[problem.AbsorbingState]}' (entered at {problem.AbsorbedAt.ToString("G15", CultureInfo.InvariantCulture)})"
            : problem.Message;

    /// <summary>
    /// Writes the properties of <c>sarc multistate --json</c> into an open object: counts, states, the probabilities
    /// and standard errors at <paramref name="times"/> (null after the last time), and the observed transitions.
    /// </summary>
    public static void WriteJson(Utf8JsonWriter writer, MultistateAnalysis analysis, IReadOnlyList<double> times)
    {
        var result = analysis.Result;
        writer.WriteNumber("n_subjects", result.Subjects);
        writer.WriteNumber("n_rows", analysis.Rows);
        writer.WriteNumber("n_excluded", analysis.Excluded);
        writer.WriteStrings("states", analysis.States);
        writer.WriteStartArray("at");
        foreach (var t in times)
        {
            var (p, se) = result.At(t);
            writer.WriteStartObject();
            writer.WriteNumber("time", t);
            WriteByState(writer, "pstate", analysis.States, p);
            WriteByState(writer, "std_err", analysis.States, se);
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

    /// <summary>
    /// Writes a study's multistate analysis into an open object: the <c>sarc multistate --json</c> properties for the
    /// whole cohort, then <c>group</c>, <c>groups</c> (the same properties per level), <c>formula</c>, and
    /// <c>transition_models</c> (per observed transition: <c>from</c>, <c>to</c> and the <c>sarc cox --json</c>
    /// properties, or <c>error</c>), and <c>n_left_out</c>.
    /// </summary>
    public static void WriteJson(Utf8JsonWriter writer, MultistateModels models)
    {
        WriteJson(writer, models.Overall, models.At);
        writer.WriteNumber("n_left_out", models.LeftOut);
        // A null string is written as JSON null.
        writer.WriteString("group", models.GroupColumn);
        writer.WriteObjects("groups", models.Groups, (w, group) =>
        {
            w.WriteString("level", group.Level);
            WriteJson(w, group.Occupancy, models.At);
        });
        writer.WriteString("formula", models.Formula);
        writer.WriteObjects("transition_models", models.Transitions, (w, transition) =>
        {
            w.WriteString("from", transition.From);
            w.WriteString("to", transition.To);
            if (transition.Model is { } model)
            {
                CoxReport.WriteJson(w, model.Fit, model.Frame);
            }
            else
            {
                w.WriteString("error", transition.Error);
            }
        });
    }

    private static void WriteByState(Utf8JsonWriter writer, string name, string[] states, double[] values)
    {
        writer.WriteStartObject(name);
        for (var s = 0; s < states.Length; s++)
        {
            writer.WriteNumberOrNull(states[s], values[s]);
        }
        writer.WriteEndObject();
    }
}
