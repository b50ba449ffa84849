using Sarc.Data.Tables;

namespace Sarc.Data.Analysis;

/// <summary>
/// The rows of a table that have a value in every column an analysis uses, as R's <c>na.omit</c> keeps them, and
/// how many were dropped, so that every command can report <c>n_excluded</c>.
/// </summary>
public sealed class CompleteCases
{
    private CompleteCases(DataFrame frame, int[] rows, int excluded)
    {
        Frame = frame;
        Rows = rows;
        Excluded = excluded;
    }

    public DataFrame Frame { get; }

    /// <summary>Indices (into the frame) of the rows kept, in file order.</summary>
    public int[] Rows { get; }

    /// <summary>How many rows had a missing value in at least one of the columns.</summary>
    public int Excluded { get; }

    /// <summary>The rows of <paramref name="frame"/> complete in every one of <paramref name="columnNames"/>.</summary>
    /// <exception cref="DataInputException">A column is not in the frame.</exception>
    public static CompleteCases Of(DataFrame frame, IEnumerable<string> columnNames)
    {
        var columns = columnNames.Distinct().Select(frame.Column).ToArray();
        var rows = new List<int>(frame.RowCount);
        for (var row = 0; row < frame.RowCount; row++)
        {
            var complete = true;
            foreach (var column in columns)
            {
                if (column.IsMissing(row))
                {
                    complete = false;
                    break;
                }
            }
            if (complete)
            {
                rows.Add(row);
            }
        }
        return new CompleteCases(frame, rows.ToArray(), frame.RowCount - rows.Count);
    }

    /// <summary>The line in the source file of kept row <paramref name="index"/>.</summary>
    public int LineOf(int index) => Frame.LineNumbers[Rows[index]];
}
