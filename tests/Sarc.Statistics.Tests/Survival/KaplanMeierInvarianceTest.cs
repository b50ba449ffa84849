using Sarc.Statistics.Survival;
using Sarc.Testing;

namespace Sarc.Statistics.Tests.Survival;

/// <summary>
/// Tier (c): properties that must hold whatever the data — row order, relabelled groups, a change of time unit —
/// and agreement of the one-sort fast path with a by-definition oracle on random tied data.
/// </summary>
public class KaplanMeierInvarianceTest
{
    private static (double[] Time, bool[] Status, int[] Group) RandomCohort(int seed, int n, int groups)
    {
        var random = new Random(seed);
        var time = new double[n];
        var status = new bool[n];
        var group = new int[n];
        for (var i = 0; i < n; i++)
        {
            // Whole months 0..40: many ties between events and censorings, within and across groups.
            time[i] = random.Next(0, 41);
            status[i] = random.NextDouble() < 0.6;
            group[i] = random.Next(groups);
        }
        return (time, status, group);
    }

    [Fact]
    public void Analysis_RowsShuffled_GivesIdenticalResults()
    {
        var (time, status, group) = RandomCohort(1, 500, 3);
        var permutation = Enumerable.Range(0, time.Length).OrderBy(i => (i * 7919) % 503).ToArray();

        var original = SurvivalFits.Analysis(time, status, group, 3);
        var shuffled = SurvivalFits.Analysis(
            permutation.Select(i => time[i]).ToArray(), permutation.Select(i => status[i]).ToArray(),
            permutation.Select(i => group[i]).ToArray(), 3);

        for (var g = 0; g < 3; g++)
        {
            Assert.Equal(original.Curves[g].Survival.ToArray(), shuffled.Curves[g].Survival.ToArray());
            Assert.Equal(original.Curves[g].StdErrLog.ToArray(), shuffled.Curves[g].StdErrLog.ToArray());
            Assert.Equal(original.Curves[g].AtRisk.ToArray(), shuffled.Curves[g].AtRisk.ToArray());
        }
        Assert.Equal(original.LogRank!.ChiSquare, shuffled.LogRank!.ChiSquare);
        Assert.Equal(original.MedianFollowUp, shuffled.MedianFollowUp);
    }

    [Fact]
    public void LogRank_GroupCodesRelabelled_SameChiSquare()
    {
        // R drops the first group's row of V; the statistic must not depend on which group that is.
        var (time, status, group) = RandomCohort(2, 300, 4);
        int[] relabel = [2, 0, 3, 1];

        var original = SurvivalFits.LogRank(time, status, group, 4);
        var relabelled = SurvivalFits.LogRank(time, status, group.Select(g => relabel[g]).ToArray(), 4);

        AssertNear.Relative(original.ChiSquare, relabelled.ChiSquare, 1e-10, "chisq");
        for (var g = 0; g < 4; g++)
        {
            AssertNear.Relative(original.Expected[g], relabelled.Expected[relabel[g]], 1e-12, $"E[{g}]");
        }
    }

    [Fact]
    public void Analysis_TimesInDaysInsteadOfMonths_SurvivalUnchangedAndQuantilesScale()
    {
        var (time, status, group) = RandomCohort(3, 400, 2);
        var days = time.Select(t => t * 30.4375).ToArray();

        var months = SurvivalFits.Analysis(time, status, group, 2);
        var inDays = SurvivalFits.Analysis(days, status, group, 2);

        for (var g = 0; g < 2; g++)
        {
            Assert.Equal(months.Curves[g].Survival.ToArray(), inDays.Curves[g].Survival.ToArray());
            var m = months.Curves[g].Median();
            var d = inDays.Curves[g].Median();
            AssertNear.Relative(m.Estimate * 30.4375, d.Estimate, 1e-14, "median");
            AssertNear.Relative(m.Lower * 30.4375, d.Lower, 1e-14, "median lower");
        }
        Assert.Equal(months.LogRank!.ChiSquare, inDays.LogRank!.ChiSquare);
    }

    [Fact]
    public void FitGroups_WellSeparatedTimes_EqualsFittingEachGroupAlone()
    {
        // 8000 rows take the radix sort; each group alone (about 2000) takes the comparison sort.
        var (time, status, group) = RandomCohort(4, 8000, 4);

        var together = SurvivalFits.Curves(time, status, group, 4);

        for (var g = 0; g < 4; g++)
        {
            var rows = Enumerable.Range(0, time.Length).Where(i => group[i] == g).ToArray();
            var alone = SurvivalFits.Curve(rows.Select(i => time[i]).ToArray(), rows.Select(i => status[i]).ToArray());
            Assert.Equal(alone.Time.ToArray(), together[g].Time.ToArray());
            Assert.Equal(alone.Survival.ToArray(), together[g].Survival.ToArray());
            Assert.Equal(alone.Lower.ToArray(), together[g].Lower.ToArray());
        }
    }

    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    public void Kernel_RandomTiedData_MatchesByDefinitionOracle(int seed)
    {
        var (time, status, group) = RandomCohort(seed, 250, 2);

        var curves = SurvivalFits.Curves(time, status, group, 2);

        for (var g = 0; g < 2; g++)
        {
            var rows = Enumerable.Range(0, time.Length).Where(i => group[i] == g).ToArray();
            var oracle = Oracle(rows.Select(i => time[i]).ToArray(), rows.Select(i => status[i]).ToArray());
            Assert.Equal(oracle.Times, curves[g].Time.ToArray());
            Assert.Equal(oracle.AtRisk, curves[g].AtRisk.ToArray());
            for (var k = 0; k < oracle.Times.Length; k++)
            {
                AssertNear.Relative(oracle.Survival[k], curves[g].Survival[k], 1e-13, $"S[{k}]");
                AssertNear.Relative(oracle.Variance[k], curves[g].StdErrLog[k] * curves[g].StdErrLog[k], 1e-12, $"V[{k}]");
            }
        }
        var logRank = SurvivalFits.LogRank(time, status, group, 2);
        AssertNear.Relative(OracleLogRank(time, status, group), logRank.ChiSquare, 1e-12, "chisq");
    }

    // By definition, quadratic and allocation-happy on purpose: n(t) = #{T ≥ t}, d(t) = #{T = t, event}.
    private static (double[] Times, int[] AtRisk, double[] Survival, double[] Variance) Oracle(double[] time, bool[] status)
    {
        var times = time.Distinct().OrderBy(t => t).ToArray();
        var atRisk = times.Select(t => time.Count(x => x >= t)).ToArray();
        var survival = new double[times.Length];
        var variance = new double[times.Length];
        double s = 1, v = 0;
        for (var k = 0; k < times.Length; k++)
        {
            var d = Enumerable.Range(0, time.Length).Count(i => time[i] == times[k] && status[i]);
            if (d > 0)
            {
                s *= 1 - (double)d / atRisk[k];
                v += (double)d / (atRisk[k] * (atRisk[k] - d));
            }
            survival[k] = s;
            variance[k] = v;
        }
        return (times, atRisk, survival, variance);
    }

    // Two-group log-rank by definition: (O_1 - E_1)² / V_1 summed over event times.
    private static double OracleLogRank(double[] time, bool[] status, int[] group)
    {
        double o = 0, e = 0, v = 0;
        foreach (var t in time.Where((_, i) => status[i]).Distinct())
        {
            var n = time.Count(x => x >= t);
            var n1 = Enumerable.Range(0, time.Length).Count(i => time[i] >= t && group[i] == 1);
            var d = Enumerable.Range(0, time.Length).Count(i => time[i] == t && status[i]);
            var d1 = Enumerable.Range(0, time.Length).Count(i => time[i] == t && status[i] && group[i] == 1);
            o += d1;
            e += (double)d * n1 / n;
            if (n > 1)
            {
                v += (double)d * n1 * (n - n1) * (n - d) / ((double)n * n * (n - 1));
            }
        }
        return (o - e) * (o - e) / v;
    }
}
