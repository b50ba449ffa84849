using Sarc.Data.Analysis;
using Sarc.Data.Tables;

namespace Sarc.Data.Models;

/// <summary>
/// Turns multistate interval data (one row per interval of a patient, its event column naming the state entered at
/// its end, empty = censored) into the data of one transition's Cox model: the intervals spent in state
/// <c>from</c>, with the event column set to 1 where the interval ends by moving to <c>to</c> and 0 otherwise
/// (censored, or left for another state). A patient's first interval starts in <see cref="EntryState"/>; each later
/// one in the state the previous interval entered. As R's transition-specific <c>coxph</c> on
/// <c>subset(data, from == FROM)</c> with <c>event == TO</c> (clock forward).
/// </summary>
public static class TransitionData
{
    /// <summary>The state every patient starts in.</summary>
    public const string EntryState = "entry";

    /// <summary>The rows at risk for <paramref name="from"/> → <paramref name="to"/>, with <paramref name="eventColumn"/> replaced by 0/1.</summary>
    /// <exception cref="DataInputException">A column is missing, a state never occurs, or no row is at risk in <paramref name="from"/>.</exception>
    public static DataFrame Select(DataFrame frame, string idColumn, string startColumn, string eventColumn, string from, string to)
    {
        var cases = CompleteCases.Of(frame, [idColumn, startColumn]);
        var ids = AnalysisColumns.Factor(cases, idColumn);
        var starts = AnalysisColumns.Numeric(cases, startColumn, "a numeric start time");
        var entered = AnalysisColumns.States(cases, eventColumn);
        var order = Enumerable.Range(0, cases.Rows.Length).OrderBy(i => ids.Codes[i]).ThenBy(i => starts[i]).ToArray();
        var atRisk = new List<(int Row, double Status)>();
        var states = new HashSet<string>(StringComparer.Ordinal) { EntryState };
        var previousId = -1;
        var state = EntryState;
        foreach (var i in order)
        {
            var row = cases.Rows[i];
            if (ids.Codes[i] != previousId)
            {
                previousId = ids.Codes[i];
                state = EntryState;
            }
            if (entered[i] is { } next)
            {
                states.Add(next);
            }
            if (state == from)
            {
                atRisk.Add((row, entered[i] == to ? 1 : 0));
            }
            state = entered[i] ?? state;
        }
        foreach (var name in new[] { from, to })
        {
            if (!states.Contains(name))
            {
                throw new DataInputException(
                    $"{frame.Source}: state '{name}' never occurs in column '{eventColumn}'; the states are: {string.Join(", ", LevelOrder.SortDistinct(states))}");
            }
        }
        if (atRisk.Count == 0)
        {
            throw new DataInputException($"{frame.Source}: no interval starts in state '{from}'");
        }
        atRisk.Sort((a, b) => a.Row.CompareTo(b.Row));
        return Subset(frame, atRisk.Select(a => a.Row).ToArray(), eventColumn, atRisk.Select(a => a.Status).ToArray());
    }

    private static DataFrame Subset(DataFrame frame, IReadOnlyList<int> rows, string eventColumn, double[] status)
    {
        var columns = frame.Columns.Select(column => column.Name == eventColumn
            ? new DataColumn(column.Name, ColumnKind.Numeric, status, null)
            : column.Gather(rows)).ToArray();
        return new DataFrame(frame.Source, columns, frame.LinesOf(rows));
    }
}
