using Sarc.Statistics.Distributions;
using Sarc.Statistics.Survival;
using Sarc.Testing;

namespace Sarc.Statistics.Tests.Survival;

public class LogRankTestTest
{
    [Fact]
    public void Compute_TwoGroupsFourPatients_MatchesHandComputedMantelHaenszel()
    {
        // A dies at 1 and 3, B dies at 2 and is censored at 4. E_B = 2/4 + 2/3 + 1/2 = 5/3, O_B = 1,
        // V = 1/4 + 2/9 + 1/4 = 13/18, so χ² = (4/9) / (13/18) = 8/13 (R: 0.615384615384615).
        var result = SurvivalFits.LogRank([1, 3, 2, 4], [true, true, true, false], [0, 0, 1, 1], 2);

        AssertNear.Relative(8.0 / 13, result.ChiSquare, 1e-14, "chisq");
        Assert.Equal(1, result.DegreesOfFreedom);
        AssertNear.Relative(2 * Probability.NormalUpper(Math.Sqrt(8.0 / 13)), result.P, 1e-12, "p");
        Assert.Equal([2.0, 1.0], result.Observed.ToArray());
        AssertNear.Relative(4.0 / 3, result.Expected[0], 1e-14, "E_A");
        AssertNear.Relative(5.0 / 3, result.Expected[1], 1e-14, "E_B");
    }

    [Fact]
    public void Compute_GroupWithNoOneAtRiskAtEventTimes_IsLeftOutAndDfShrinks()
    {
        // Group 2 is censored at 0.5, before any death: E = 0, so R drops it: df = 1, same χ² as without it.
        var with = SurvivalFits.LogRank([1, 3, 2, 4, 0.5], [true, true, true, false, false], [0, 0, 1, 1, 2], 3);
        var without = SurvivalFits.LogRank([1, 3, 2, 4], [true, true, true, false], [0, 0, 1, 1], 2);

        Assert.Equal(1, with.DegreesOfFreedom);
        AssertNear.Relative(without.ChiSquare, with.ChiSquare, 1e-14, "chisq");
        Assert.NotEmpty(with.Warnings);
    }

    [Fact]
    public void Compute_NoEvents_ChiSquareZeroDfMinusOnePValueNaN()
    {
        // R: survdiff gives chisq 0 and pchisq(0, -1) = NaN (with a warning).
        var result = SurvivalFits.LogRank([1, 2, 3], [false, false, false], [0, 1, 1], 2);

        Assert.Equal(0, result.ChiSquare);
        Assert.Equal(-1, result.DegreesOfFreedom);
        Assert.True(double.IsNaN(result.P));
    }

    [Fact]
    public void Compute_OneGroupWithExpectedEvents_DfZeroPValueOne()
    {
        // Group 1 is censored before the only death: one group with E > 0, so χ² = 0 on 0 df and R's p is 1.
        var result = SurvivalFits.LogRank([5, 1], [true, false], [0, 1], 2);

        Assert.Equal(0, result.DegreesOfFreedom);
        Assert.Equal(1.0, result.P);
    }

    [Fact]
    public void Compute_SingleGroup_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SurvivalFits.LogRank([1, 2], [true, true], [0, 0], 1));
    }
}
