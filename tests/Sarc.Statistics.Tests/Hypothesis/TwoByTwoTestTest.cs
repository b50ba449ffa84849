using Sarc.Statistics.Hypothesis;
using Sarc.Testing;

namespace Sarc.Statistics.Tests.Hypothesis;

public class TwoByTwoTestTest
{
    public static TheoryData<string> Cases => ClassicData.Keys("classic_2x2", "cases", "name");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Analyze_ReferenceTable_MatchesRFisherChisqAndOddsRatios(string name)
    {
        // Seed 000 tables, zero cells (a, d, b and c, a whole row or column), balanced and very large tables.
        var expected = ClassicData.Case("classic_2x2", "cases", "name", name);
        var counts = Fixture.Numbers(expected.GetProperty("counts")).Select(v => (int)v).ToArray();
        var result = TwoByTwoTest.Test(new TwoByTwoTable(counts[0], counts[1], counts[2], counts[3]));

        AssertNear.Relative(expected.GetProperty("fisher_p"), result.FisherP, Tolerance.PValue, $"{name} fisher_p");
        AssertNear.Relative(expected.GetProperty("fisher_midp"), result.FisherMidP, Tolerance.PValue, $"{name} fisher_midp");
        AssertNear.Relative(expected.GetProperty("chisq"), result.ChiSquare.ChiSquare, Tolerance.PValue, $"{name} chisq");
        AssertNear.Relative(expected.GetProperty("chisq_p"), result.ChiSquare.P, Tolerance.PValue, $"{name} chisq_p");
        AssertNear.Relative(expected.GetProperty("chisq_yates"), result.ChiSquareYates.ChiSquare, Tolerance.PValue, $"{name} chisq_yates");
        AssertNear.Relative(expected.GetProperty("chisq_yates_p"), result.ChiSquareYates.P, Tolerance.PValue, $"{name} chisq_yates_p");
        AssertNear.Relative(expected.GetProperty("or"), result.OddsRatio.Estimate, Tolerance.Estimate, $"{name} or");
        AssertNear.Relative(expected.GetProperty("or_lower"), result.OddsRatio.Lower, Tolerance.PValue, $"{name} or_lower");
        AssertNear.Relative(expected.GetProperty("or_upper"), result.OddsRatio.Upper, Tolerance.PValue, $"{name} or_upper");
        AssertNear.Relative(expected.GetProperty("or_conditional"), result.ConditionalOddsRatio.Estimate, Tolerance.Estimate, $"{name} or_conditional");
        AssertNear.Relative(expected.GetProperty("or_conditional_lower"), result.ConditionalOddsRatio.Lower, Tolerance.PValue, $"{name} or_conditional_lower");
        AssertNear.Relative(expected.GetProperty("or_conditional_upper"), result.ConditionalOddsRatio.Upper, Tolerance.PValue, $"{name} or_conditional_upper");
    }

    [Theory]
    // Seed 000 as published (3 decimals): LR 4/32 vs 8/32, DM 15/32 vs 8/32, death 8/32 vs 4/32.
    [InlineData(4, 28, 8, 24, 0.337, 0.429)]
    [InlineData(15, 17, 8, 24, 0.117, 2.647)]
    [InlineData(8, 24, 4, 28, 0.337, 2.333)]
    public void Analyze_Seed000Outcomes_RoundToThePublishedFisherPAndSampleOddsRatio(int a, int b, int c, int d, double p, double oddsRatio)
    {
        var result = TwoByTwoTest.Test(new TwoByTwoTable(a, b, c, d));
        Assert.Equal(p, Math.Round(result.FisherP, 3));
        Assert.Equal(oddsRatio, Math.Round(result.OddsRatio.Estimate, 3));
    }

    [Fact]
    public void MidP_Seed000Smoking_IsThePublished0Point041()
    {
        // 46.9 % vs 21.9 % smokers: the paper's p = 0.041 is the mid-p; Fisher's own p is 0.064.
        var table = new TwoByTwoTable(15, 17, 7, 25);
        Assert.Equal(0.041, Math.Round(FisherExactTest.MidPValue(table), 3));
        Assert.Equal(0.064, Math.Round(FisherExactTest.PValue(table), 3));
    }

    [Fact]
    public void Fisher_PerfectSeparation3By3_IsTwoTwentieths()
    {
        // Margins 3/3 and 3/3: P(a = 0..3) = 1, 9, 9, 1 over 20. The observed a = 3 and its mirror a = 0 are the only
        // tables as probable: p = 2/20, mid-p = half of that.
        var table = new TwoByTwoTable(3, 0, 0, 3);
        AssertNear.Relative(0.1, FisherExactTest.PValue(table), 1e-12, "p");
        AssertNear.Relative(0.05, FisherExactTest.MidPValue(table), 1e-12, "mid-p");
        Assert.Equal(double.PositiveInfinity, TwoByTwoTest.WoolfOddsRatio(table).Estimate);
        Assert.Equal(double.PositiveInfinity, FisherExactTest.ConditionalOddsRatio(table).Estimate);
    }

    [Fact]
    public void Chisq_HandComputedTable_MatchesPearsonAndYatesFormulas()
    {
        // [[10, 20], [20, 10]]: every E = 15, |O - E| = 5, X² = 4 · 25/15; Yates subtracts 0.5: 4 · 4.5²/15.
        var table = new TwoByTwoTable(10, 20, 20, 10);
        AssertNear.Relative(100.0 / 15, ContingencyChiSquare.Pearson(table).ChiSquare, 1e-12, "Pearson");
        AssertNear.Relative(4 * 20.25 / 15, ContingencyChiSquare.Yates(table).ChiSquare, 1e-12, "Yates");
    }

    [Fact]
    public void Woolf_HandComputedTable_MatchesLogitFormula()
    {
        // [[10, 20], [5, 40]]: OR = 4, SE = √(1/10 + 1/20 + 1/5 + 1/40) = √0.375.
        var result = TwoByTwoTest.WoolfOddsRatio(new TwoByTwoTable(10, 20, 5, 40));
        AssertNear.Relative(4, result.Estimate, 1e-12, "OR");
        AssertNear.Relative(4 * Math.Exp(-1.959963984540054 * Math.Sqrt(0.375)), result.Lower, 1e-9, "lower");
        AssertNear.Relative(4 * Math.Exp(1.959963984540054 * Math.Sqrt(0.375)), result.Upper, 1e-9, "upper");
    }

    [Fact]
    public void Analyze_TransposedTable_GivesTheSameTestsAndOddsRatios()
    {
        // Exposure and outcome play symmetric roles in every statistic here.
        var original = TwoByTwoTest.Test(new TwoByTwoTable(15, 17, 8, 24));
        var transposed = TwoByTwoTest.Test(new TwoByTwoTable(15, 8, 17, 24));
        AssertNear.Relative(original.FisherP, transposed.FisherP, 1e-12, "p");
        AssertNear.Relative(original.ChiSquare.ChiSquare, transposed.ChiSquare.ChiSquare, 1e-12, "chisq");
        AssertNear.Relative(original.OddsRatio.Estimate, transposed.OddsRatio.Estimate, 1e-12, "OR");
        AssertNear.Relative(original.ConditionalOddsRatio.Estimate, transposed.ConditionalOddsRatio.Estimate, 1e-6, "conditional OR");
    }

    [Fact]
    public void Analyze_SwappedRows_InvertsTheOddsRatiosAndKeepsP()
    {
        var original = TwoByTwoTest.Test(new TwoByTwoTable(15, 17, 8, 24));
        var swapped = TwoByTwoTest.Test(new TwoByTwoTable(8, 24, 15, 17));
        AssertNear.Relative(original.FisherP, swapped.FisherP, 1e-12, "p");
        AssertNear.Relative(1 / original.OddsRatio.Estimate, swapped.OddsRatio.Estimate, 1e-12, "OR");
        AssertNear.Relative(1 / original.OddsRatio.Lower, swapped.OddsRatio.Upper, 1e-12, "Woolf limits");
        // uniroot stops within ~1e-4, so R's own conditional estimates are reciprocal only to that precision.
        AssertNear.Relative(1 / original.ConditionalOddsRatio.Estimate, swapped.ConditionalOddsRatio.Estimate, 1e-3, "conditional OR");
    }

    [Fact]
    public void Analyze_ZeroCell_WarnsAboutTheOddsRatio()
    {
        var result = TwoByTwoTest.Test(new TwoByTwoTable(0, 10, 5, 5));
        Assert.Contains(result.Warnings, w => w.Contains("zero", StringComparison.Ordinal));
        Assert.Contains(result.Warnings, w => w.Contains("expected", StringComparison.Ordinal));
    }

    [Fact]
    public void Analyze_AllZeroTable_GivesRFisherValuesAndNoChiSquare()
    {
        // R: fisher.test(matrix(0, 2, 2)) gives p = 1, estimate 0 and [0, Inf]; chisq.test refuses (we give NaN).
        var result = TwoByTwoTest.Test(new TwoByTwoTable(0, 0, 0, 0));
        Assert.Equal(1, result.FisherP);
        Assert.Equal(0, result.ConditionalOddsRatio.Estimate);
        Assert.Equal(0, result.ConditionalOddsRatio.Lower);
        Assert.Equal(double.PositiveInfinity, result.ConditionalOddsRatio.Upper);
        Assert.True(double.IsNaN(result.ChiSquare.P));
        Assert.True(double.IsNaN(result.OddsRatio.Estimate));
    }

    [Fact]
    public void Table_NegativeCount_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TwoByTwoTable(1, -1, 2, 3));
    }
}
