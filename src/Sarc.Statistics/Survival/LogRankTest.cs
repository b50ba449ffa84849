using System.Collections.Immutable;
using Sarc.Statistics.Distributions;

namespace Sarc.Statistics.Survival;

/// <summary>
/// The log-rank (Mantel-Haenszel) test across groups, as R <c>survdiff(Surv(time, status) ~ group)</c> with
/// <c>rho = 0</c> and <c>timefix = TRUE</c>. See docs/methods/kaplan-meier.md.
/// </summary>
public static class LogRankTest
{
    /// <summary>Tests equality of the survival curves of the groups of <paramref name="data"/>.</summary>
    /// <exception cref="ArgumentException">Lengths differ, a status other than 0/1, or no group codes.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A negative, NaN or infinite time, a code outside [0, GroupCount), or fewer than 2 groups.</exception>
    public static LogRankResult Test(SurvivalData data, bool mergeNearEqualTimes = true)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.GroupCount < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(data), data.GroupCount, "The log-rank test needs at least 2 groups.");
        }
        return Test(data.Sort(mergeNearEqualTimes));
    }

    /// <summary>
    /// survdiff2.c kernel (rho = 0, one stratum). Inputs: all rows sorted by time ascending (ties adjacent), status,
    /// group codes. Walks from the last time backwards so that the risk set of each group grows by the tied block;
    /// at each event time adds d n_k / n to E_k and the hypergeometric covariance d (n - d) / (n (n - 1)) ·
    /// n_j (δ_jk - n_k / n) to V (skipped when n = 1). O(n + distinct event times · groups²).
    /// </summary>
    internal static LogRankResult Test(SortedSurvivalData data)
    {
        var groups = data.GroupCount;
        var time = data.Time;
        var status = data.Status;
        var code = data.Group;
        var observed = new double[groups];
        var expected = new double[groups];
        var variance = new double[groups * groups];
        var risk = new double[groups];

        for (var i = time.Length - 1; i >= 0; i--)
        {
            double deaths = 0;
            var j = i;
            for (; j >= 0 && time[j] == time[i]; j--)
            {
                var k = code[j];
                var d = status[j] ? 1.0 : 0.0;
                deaths += d;
                risk[k] += 1;
                observed[k] += d;
            }
            i = j + 1;
            AddTime(deaths, time.Length - i, risk, expected, variance);
        }
        return Test(groups, observed, expected, variance);
    }

    /// <summary>
    /// The same kernel on a <see cref="SurvivalTable"/>: the counts of each time at once instead of row by row. All
    /// the sums are of whole numbers (exact in doubles), so the statistic is the same double.
    /// </summary>
    internal static LogRankResult Test(SurvivalTable table)
    {
        var groups = table.GroupCount;
        var observed = new double[groups];
        var expected = new double[groups];
        var variance = new double[groups * groups];
        var risk = new double[groups];
        var atOrAfter = 0;
        for (var k = table.Time.Length - 1; k >= 0; k--)
        {
            double deaths = 0;
            for (var g = 0; g < groups; g++)
            {
                var events = table.Events[k * groups + g];
                var rows = events + table.Censored[k * groups + g];
                deaths += events;
                risk[g] += rows;
                observed[g] += events;
                atOrAfter += rows;
            }
            AddTime(deaths, atOrAfter, risk, expected, variance);
        }
        return Test(groups, observed, expected, variance);
    }

    // One time's terms: d n_k / n into E_k, and the hypergeometric covariance into V (skipped when n = 1).
    private static void AddTime(double deaths, int atRisk, double[] risk, double[] expected, double[] variance)
    {
        var groups = risk.Length;
        var nRisk = (double)atRisk;
        if (deaths > 0)
        {
            for (var k = 0; k < groups; k++)
            {
                expected[k] += deaths * risk[k] / nRisk;
            }
            if (nRisk == 1)
            {
                return;
            }
            for (var a = 0; a < groups; a++)
            {
                var tmp = deaths * risk[a] * (nRisk - deaths) / (nRisk * (nRisk - 1));
                variance[a * groups + a] += tmp;
                for (var b = 0; b < groups; b++)
                {
                    variance[a * groups + b] -= tmp * risk[b] / nRisk;
                }
            }
        }
    }

    private static LogRankResult Test(int groups, double[] observed, double[] expected, double[] variance)
    {

        // R: chi-square over the groups with expected > 0, dropping the first of them (V has rank groups - 1).
        var used = new List<int>(groups);
        for (var k = 0; k < groups; k++)
        {
            if (expected[k] > 0)
            {
                used.Add(k);
            }
        }
        var chiSquare = 0.0;
        var singular = false;
        if (used.Count >= 2)
        {
            var m = used.Count - 1;
            var matrix = new double[m, m];
            var difference = new double[m];
            for (var a = 0; a < m; a++)
            {
                difference[a] = observed[used[a + 1]] - expected[used[a + 1]];
                for (var b = 0; b < m; b++)
                {
                    matrix[a, b] = variance[used[a + 1] * groups + used[b + 1]];
                }
            }
            var solution = SmallLinearSystem.Solve(matrix, difference);
            if (solution is null)
            {
                singular = true;
                chiSquare = double.NaN;
            }
            else
            {
                for (var a = 0; a < m; a++)
                {
                    chiSquare += solution[a] * difference[a];
                }
            }
        }
        var degreesOfFreedom = used.Count - 1;
        var p = degreesOfFreedom switch
        {
            _ when singular => double.NaN,
            > 0 => Probability.ChiSquareUpper(chiSquare, degreesOfFreedom),
            0 => 1.0,
            _ => double.NaN,
        };

        var warnings = ImmutableArray.CreateBuilder<string>();
        if (used.Count < groups)
        {
            warnings.Add($"{groups - used.Count} group(s) had no one at risk at any event time and were left out of the log-rank test.");
        }
        if (used.Count < 2)
        {
            warnings.Add("Fewer than two groups have expected events, so the log-rank test is not informative.");
        }
        if (singular)
        {
            warnings.Add("The log-rank variance matrix is singular (every event time had a single subject at risk), so no test statistic exists; R stops here.");
        }
        return new LogRankResult(chiSquare, degreesOfFreedom, p, [.. observed], [.. expected], warnings.ToImmutable());
    }
}
