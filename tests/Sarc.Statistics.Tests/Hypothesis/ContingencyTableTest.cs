using Sarc.Statistics.Hypothesis;
using Sarc.Testing;

namespace Sarc.Statistics.Tests.Hypothesis;

public class ContingencyTableTest
{
    public static TheoryData<string> Cases => ClassicData.Keys("classic_rxc", "cases", "name");

    [Theory]
    [MemberData(nameof(Cases))]
    public void FisherAndChisq_ReferenceTable_MatchR(string name)
    {
        // 2x3, 3x3, 3x4 (n = 34, 82, 200), 5x5, a sparse 2x6, a table with tied probabilities, a 2x2 and a 4x2.
        var expected = ClassicData.Case("classic_rxc", "cases", "name", name);
        var counts = ToTable(expected);

        var chisq = ContingencyChiSquare.Pearson(counts);
        AssertNear.Relative(expected.GetProperty("chisq"), chisq.ChiSquare, Tolerance.PValue, $"{name} chisq");
        Assert.Equal(expected.GetProperty("df").GetInt32(), chisq.DegreesOfFreedom);
        AssertNear.Relative(expected.GetProperty("chisq_p"), chisq.P, Tolerance.PValue, $"{name} chisq_p");
        AssertNear.Relative(expected.GetProperty("min_expected"), chisq.MinimumExpected, Tolerance.Estimate, $"{name} min_expected");
        AssertNear.Relative(expected.GetProperty("fisher_p"), FisherExactTest.PValue(counts), Tolerance.PValue, $"{name} fisher_p");
    }

    [Fact]
    public void Fisher_TwoByTwoThroughTheNetwork_EqualsTheTwoByTwoRule()
    {
        // The 2 x 2 rule is R's; the network (used from 2 x 3 up) must agree with it on a 2 x 2.
        var table = new[,] { { 15, 17 }, { 7, 25 } };
        Assert.True(FisherNetworkProbe.TryNetwork(table, out var network));
        AssertNear.Relative(FisherExactTest.PValue(new TwoByTwoTable(15, 17, 7, 25)), network, 1e-12, "p");
    }

    [Fact]
    public void Fisher_PermutedAndTransposedTable_GivesTheSameP()
    {
        var table = new[,] { { 4, 2, 3, 1 }, { 2, 5, 1, 3 }, { 1, 2, 6, 4 } };
        var permuted = new[,] { { 1, 2, 6, 4 }, { 4, 2, 3, 1 }, { 2, 5, 1, 3 } };
        var transposed = new int[4, 3];
        for (var i = 0; i < 3; i++)
        {
            for (var j = 0; j < 4; j++)
            {
                transposed[j, i] = table[i, j];
            }
        }
        var p = FisherExactTest.PValue(table);
        AssertNear.Relative(p, FisherExactTest.PValue(permuted), 1e-12, "rows permuted");
        AssertNear.Relative(p, FisherExactTest.PValue(transposed), 1e-12, "transposed");
    }

    [Fact]
    public void Fisher_ZeroRow_IsDroppedWithoutChangingP()
    {
        var table = new[,] { { 3, 7, 12 }, { 9, 4, 2 } };
        var withZeroRow = new[,] { { 3, 7, 12 }, { 0, 0, 0 }, { 9, 4, 2 } };
        AssertNear.Relative(FisherExactTest.PValue(table), FisherExactTest.PValue(withZeroRow), 1e-12, "p");
    }

    [Fact]
    public void Fisher_SingleNonZeroColumn_IsOne()
    {
        Assert.Equal(1.0, FisherExactTest.PValue(new[,] { { 3, 0, 0 }, { 5, 0, 0 } }));
    }

    [Fact]
    public void Fisher_HandComputed2By3_SumsTheLessProbableTables()
    {
        // Rows 1/2, columns 1/1/1: the three tables put the single row-1 count in one column, each with P = 1/3:
        // all tie with the observed one, so p = 1.
        AssertNear.Relative(1.0, FisherExactTest.PValue(new[,] { { 1, 0, 0 }, { 0, 1, 1 } }), 1e-12, "p");
    }

    [Fact]
    public void Fisher_TableOfTwoHundredIn3By4_FinishesQuickly()
    {
        // Table-1 size: a Fisher test on 200 patients in 3 x 4 (its value is checked against R with the other cases)
        // must not take the CLI more than a moment, even on a loaded machine.
        var table = new[,] { { 20, 15, 10, 5 }, { 12, 18, 14, 16 }, { 25, 20, 30, 15 } };
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.True(FisherExactTest.TryPValue(table, out var p, out _));
        Assert.InRange(p, 0, 1);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Fisher_TableBeyondTheEnumerationLimits_ReportsInsteadOfComputing()
    {
        // 6 x 6 with 100 per row: R needs a huge workspace too; we say so rather than run for minutes.
        var table = new int[6, 6];
        for (var i = 0; i < 6; i++)
        {
            for (var j = 0; j < 6; j++)
            {
                table[i, j] = 10 + ((i + j) % 3) * 5;
            }
        }
        Assert.False(FisherExactTest.TryPValue(table, out var p, out var reason));
        Assert.True(double.IsNaN(p));
        Assert.Contains("chi-square", reason, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => FisherExactTest.PValue(table));
    }

    [Fact]
    public void Chisq_ZeroColumn_IsNaNWithAWarning()
    {
        var result = ContingencyChiSquare.Pearson(new[,] { { 3, 0, 5 }, { 4, 0, 6 } });
        Assert.True(double.IsNaN(result.ChiSquare));
        Assert.True(double.IsNaN(result.P));
        Assert.NotEmpty(result.Warnings);
    }

    [Fact]
    public void Chisq_OneRow_Throws()
    {
        Assert.Throws<ArgumentException>(() => ContingencyChiSquare.Pearson(new[,] { { 3, 4 } }));
    }

    private static int[,] ToTable(System.Text.Json.JsonElement expected)
    {
        var rows = expected.GetProperty("nrow").GetInt32();
        var columns = expected.GetProperty("ncol").GetInt32();
        var values = Fixture.Numbers(expected.GetProperty("counts"));
        var table = new int[rows, columns];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < columns; j++)
            {
                table[i, j] = (int)values[i * columns + j];
            }
        }
        return table;
    }
}

/// <summary>Reaches the r x c kernel directly, to compare it with the 2 x 2 rule on the same table.</summary>
internal static class FisherNetworkProbe
{
    public static bool TryNetwork(int[,] table, out double p) => FisherNetwork.TryPValue(table, out p, out _);
}
