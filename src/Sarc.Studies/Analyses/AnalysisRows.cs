using Sarc.Data.Analysis;

namespace Sarc.Studies.Analyses;

/// <summary>The rows an analysis of a table runs on: those with a value in every column it uses.</summary>
internal static class AnalysisRows
{
    /// <summary>The rows of <paramref name="frame"/> complete in every one of <paramref name="columns"/> (a null column, e.g. no grouping, is skipped).</summary>
    /// <exception cref="DataInputException">A column is not in the frame, or no row is complete (naming the file, the columns and how many rows were excluded).</exception>
    public static CompleteCases Complete(DataFrame frame, params string?[] columns)
    {
        var used = columns.OfType<string>().ToArray();
        var cases = CompleteCases.Of(frame, used);
        if (cases.Rows.Length == 0)
        {
            throw new DataInputException($"{frame.Source}: no rows left with {string.Join(", ", used)} all present ({cases.Excluded} excluded)");
        }
        return cases;
    }
}
