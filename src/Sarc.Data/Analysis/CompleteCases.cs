using Sarc.Data.Tables;

namespace Sarc.Data.Analysis;

/// <summary>
/// The rows of a table that have a value in every column an analysis uses, as R's <c>na.omit</c> keeps them, and
/// how many were dropped, so that every command can report <c>n_excluded</c>. A cell is missing when it was empty or
/// <c>NA</c> in the file (<see cref="DataColumn.IsMissing"/>); this is the one place that decides which rows an
/// analysis drops.
/// </summary>
public sealed class CompleteCases
{
    private CompleteCases(DataFrame frame, int[] rows, int excluded)
    {
        Frame = frame;
        Rows = rows;
        Excluded = excluded;
    }

    /// <summary>The whole table the rows were chosen from (all rows, not only the complete ones).</summary>
    public DataFrame Frame { get; }

    /// <summary>Indices (into the frame) of the rows kept, in file order.</summary>
    public int[] Rows { get; }

    /// <summary>How many rows had a missing value in at least one of the columns.</summary>
    public int Excluded { get; }

    /// <summary>True when every row of the frame is kept (<see cref="Rows"/> is 0, 1, ..., n - 1).</summary>
    public bool AllRows => Excluded == 0;

    /// <summary>The rows of <paramref name="frame"/> complete in every one of <paramref name="columnNames"/>.</summary>
    /// <exception cref="DataInputException">A column is not in the frame.</exception>
    public static CompleteCases Of(DataFrame frame, IEnumerable<string> columnNames)
    {
        // Column by column, so that a million rows cost a few plain passes.
        var missing = new bool[frame.RowCount];
        foreach (var name in columnNames.Distinct())
        {
            var column = frame.Column(name);
            if (column.Numbers is { } numbers)
            {
                // Most numeric columns have no missing cell: a read-only scan settles that.
                if (!AnyNaN(numbers))
                {
                    continue;
                }
                for (var row = 0; row < numbers.Length; row++)
                {
                    missing[row] |= double.IsNaN(numbers[row]);
                }
            }
            else
            {
                var texts = column.Texts!;
                for (var row = 0; row < texts.Length; row++)
                {
                    missing[row] |= texts[row] is null;
                }
            }
        }
        var excluded = 0;
        foreach (var m in missing)
        {
            excluded += m ? 1 : 0;
        }
        var rows = new int[frame.RowCount - excluded];
        for (int row = 0, i = 0; row < missing.Length; row++)
        {
            if (!missing[row])
            {
                rows[i++] = row;
            }
        }
        return new CompleteCases(frame, rows, excluded);
    }

    /// <summary>The line in the source file of kept row <paramref name="index"/>.</summary>
    public int LineOf(int index) => Frame.LineNumbers[Rows[index]];

    private static bool AnyNaN(double[] numbers)
    {
        var any = false;
        foreach (var v in numbers)
        {
            any |= double.IsNaN(v);
        }
        return any;
    }
}
