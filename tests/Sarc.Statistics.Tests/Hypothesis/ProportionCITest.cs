using Sarc.Statistics.Hypothesis;
using Sarc.Testing;

namespace Sarc.Statistics.Tests.Hypothesis;

public class ProportionCITest
{
    public static TheoryData<int, int> Cases
    {
        get
        {
            var data = new TheoryData<int, int>();
            foreach (var e in Fixture.Reference("classic_binom").GetProperty("cases").EnumerateArray())
            {
                data.Add(e.GetProperty("x").GetInt32(), e.GetProperty("n").GetInt32());
            }
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ClopperPearson_ReferenceCounts_MatchRBinomTest(int x, int n)
    {
        // 0 and n successes (one-sided limits), the seed 000 rates, and 1 or 500 of 1000 (far-tail precision).
        var expected = Fixture.Reference("classic_binom").GetProperty("cases").EnumerateArray()
            .Single(e => e.GetProperty("x").GetInt32() == x && e.GetProperty("n").GetInt32() == n);
        var ci95 = ProportionCI.ClopperPearson(x, n);
        var ci90 = ProportionCI.ClopperPearson(x, n, 0.9);
        AssertNear.Relative(expected.GetProperty("estimate"), ci95.Estimate, Tolerance.Estimate, "estimate");
        AssertNear.Relative(expected.GetProperty("lower"), ci95.Lower, Tolerance.PValue, "lower");
        AssertNear.Relative(expected.GetProperty("upper"), ci95.Upper, Tolerance.PValue, "upper");
        AssertNear.Relative(expected.GetProperty("lower90"), ci90.Lower, Tolerance.PValue, "lower 90%");
        AssertNear.Relative(expected.GetProperty("upper90"), ci90.Upper, Tolerance.PValue, "upper 90%");
    }

    [Fact]
    public void ClopperPearson_NoSuccesses_HasTheClosedFormUpperLimit()
    {
        // x = 0: the upper limit solves (1 - p)^n = α/2, so p = 1 - 0.025^(1/n).
        var ci = ProportionCI.ClopperPearson(0, 10);
        Assert.Equal(0, ci.Lower);
        AssertNear.Relative(1 - Math.Pow(0.025, 0.1), ci.Upper, 1e-10, "upper");
    }

    [Fact]
    public void ClopperPearson_AllSuccesses_MirrorsNoSuccesses()
    {
        var none = ProportionCI.ClopperPearson(0, 19);
        var all = ProportionCI.ClopperPearson(19, 19);
        Assert.Equal(1, all.Upper);
        AssertNear.Relative(1 - none.Upper, all.Lower, 1e-10, "lower");
    }

    [Fact]
    public void ClopperPearson_MoreSuccessesThanTrials_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ProportionCI.ClopperPearson(5, 4));
    }
}
