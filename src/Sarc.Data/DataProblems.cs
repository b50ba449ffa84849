using Sarc.Statistics;

namespace Sarc.Data;

/// <summary>
/// The one place where problems found in a user's data (by the column reader, or by an estimator's <c>Check</c>)
/// become a <see cref="DataInputException"/>: one line naming the file, the line and the column of the first problem,
/// then the lines of the others.
/// </summary>
public static class DataProblems
{
    /// <summary>How many further lines a message names before it only counts them.</summary>
    public const int LinesNamed = 10;

    /// <summary>Returns when <paramref name="problems"/> is empty; otherwise throws one error for all of them.</summary>
    /// <param name="source">The file the data came from.</param>
    /// <param name="problems">The problems, the first one worded in full.</param>
    /// <param name="lineOfRow">The file line of a problem's <see cref="DataProblem.Row"/>.</param>
    /// <param name="columnName">How a problem's <see cref="DataProblem.Column"/> is named (e.g. <c>covariate 'age'</c>); null when problems have no column.</param>
    /// <param name="describe">The words for a problem after its line and column (default: its message).</param>
    /// <exception cref="DataInputException">Always, when there is a problem.</exception>
    public static void ThrowIfAny(string source, IReadOnlyList<DataProblem> problems, Func<int, int> lineOfRow,
        Func<int, string>? columnName = null, Func<DataProblem, string>? describe = null)
    {
        if (problems.Count == 0)
        {
            return;
        }
        var first = problems[0];
        var parts = new List<string> { source };
        if (first.Row >= 0)
        {
            parts.Add($"line {lineOfRow(first.Row)}");
        }
        if (first.Column >= 0 && columnName is not null)
        {
            parts.Add(columnName(first.Column));
        }
        parts.Add(describe?.Invoke(first) ?? first.Message);
        throw new DataInputException(string.Join(": ", parts) + More(problems, lineOfRow));
    }

    private static string More(IReadOnlyList<DataProblem> problems, Func<int, int> lineOfRow)
    {
        var others = problems.Count - 1;
        if (others == 0)
        {
            return "";
        }
        if (problems.Skip(1).Any(p => p.Row < 0))
        {
            return $" (and {others} more problem{(others == 1 ? "" : "s")})";
        }
        var lines = problems.Skip(1).Select(p => lineOfRow(p.Row)).ToArray();
        return lines.Length <= LinesNamed
            ? $" (also line{(lines.Length == 1 ? "" : "s")} {string.Join(", ", lines)})"
            : $" (also lines {string.Join(", ", lines.Take(LinesNamed))} and {lines.Length - LinesNamed} more)";
    }
}
