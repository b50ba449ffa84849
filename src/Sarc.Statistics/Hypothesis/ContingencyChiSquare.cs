using Sarc.Statistics.Distributions;

namespace Sarc.Statistics.Hypothesis;

/// <summary>
/// Pearson's chi-square test of independence, as R <c>chisq.test(x, correct = FALSE)</c> on an r x c table, and with
/// Yates' continuity correction on a 2 x 2 table as R <c>chisq.test(x)</c> (correct = TRUE) computes it, including
/// R's rule that the correction is min(0.5, |O - E|) taken over all cells.
/// </summary>
public static class ContingencyChiSquare
{
    /// <summary>X² = Σ (O - E)² / E with E = R_i C_j / N, df = (r - 1)(c - 1), p = P(χ²_df &gt; X²).</summary>
    /// <exception cref="ArgumentException">Fewer than 2 rows or columns, or a negative count.</exception>
    public static ChiSquareResult Pearson(int[,] counts) => Compute(counts, yates: false);

    /// <summary>Pearson's test of a 2 x 2 table without correction; as R <c>chisq.test(x, correct = FALSE)</c>.</summary>
    public static ChiSquareResult Pearson(TwoByTwoTable table) => Compute(table.ToArray(), yates: false);

    /// <summary>
    /// Yates-corrected test of a 2 x 2 table: X² = Σ (|O - E| - Y)² / E with Y = min(0.5, min over cells |O - E|);
    /// as R <c>chisq.test(x, correct = TRUE)</c>.
    /// </summary>
    public static ChiSquareResult Yates(TwoByTwoTable table) => Compute(table.ToArray(), yates: true);

    private static ChiSquareResult Compute(int[,] counts, bool yates)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var rows = counts.GetLength(0);
        var columns = counts.GetLength(1);
        if (rows < 2 || columns < 2)
        {
            throw new ArgumentException("A contingency table needs at least 2 rows and 2 columns.", nameof(counts));
        }
        var rowTotals = new double[rows];
        var columnTotals = new double[columns];
        var total = 0.0;
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < columns; j++)
            {
                if (counts[i, j] < 0)
                {
                    throw new ArgumentException("Counts must be >= 0.", nameof(counts));
                }
                rowTotals[i] += counts[i, j];
                columnTotals[j] += counts[i, j];
                total += counts[i, j];
            }
        }
        var minimumExpected = double.PositiveInfinity;
        var correction = 0.5;
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < columns; j++)
            {
                var expected = rowTotals[i] * columnTotals[j] / total;
                minimumExpected = Math.Min(minimumExpected, expected);
                correction = Math.Min(correction, Math.Abs(counts[i, j] - expected));
            }
        }
        if (!yates)
        {
            correction = 0;
        }
        var statistic = 0.0;
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < columns; j++)
            {
                var expected = rowTotals[i] * columnTotals[j] / total;
                var deviation = Math.Abs(counts[i, j] - expected) - correction;
                statistic += deviation * deviation / expected;
            }
        }
        var df = (rows - 1) * (columns - 1);
        var p = double.IsNaN(statistic) ? double.NaN : Probability.ChiSquareUpper(statistic, df);
        var warnings = new List<string>();
        if (double.IsNaN(statistic))
        {
            warnings.Add("A row or column total is zero: the chi-square statistic is undefined.");
        }
        else if (minimumExpected < 5)
        {
            warnings.Add($"Smallest expected count is {minimumExpected:0.##} (< 5): the chi-square approximation may be incorrect; consider Fisher's exact test.");
        }
        return new ChiSquareResult(statistic, df, p, minimumExpected, yates, warnings);
    }
}
