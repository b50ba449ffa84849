using Sarc.Statistics.Distributions;
using Sarc.Statistics.Survival;

namespace Sarc.Statistics.CompetingRisks;

/// <summary>
/// Nonparametric cumulative incidence of competing risks (Aalen-Johansen / Kalbfleisch-Prentice estimator) with
/// Gray's (1988) variance and Gray's K-sample test, as R <c>cmprsk::cuminc(ftime, fstatus, group, rho)</c> with
/// <c>cencode = 0</c>. The formulas and R's choices at ties are in docs/methods/competing-risks.md.
/// </summary>
public sealed class CumulativeIncidence
{
    /// <summary>An estimator with the given options, or <see cref="CumulativeIncidenceOptions.Default"/> when null.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="CumulativeIncidenceOptions.Rho"/> is NaN.</exception>
    public CumulativeIncidence(CumulativeIncidenceOptions? options = null)
    {
        Options = options ?? CumulativeIncidenceOptions.Default;
        Preconditions.NotNaN(Options.Rho, nameof(CumulativeIncidenceOptions.Rho));
    }

    /// <summary>The options every <see cref="Fit"/> uses.</summary>
    public CumulativeIncidenceOptions Options { get; }

    /// <summary>Estimates the cumulative incidence of every cause in every group, and tests each cause across groups.</summary>
    /// <exception cref="ArgumentException">Lengths differ, a time is negative or not finite, a status is negative, or a group code is out of range.</exception>
    public CumulativeIncidenceResult Fit(CompetingRisksData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var options = Options;
        ReadOnlySpan<double> time = data.Time;
        ReadOnlySpan<int> status = data.Status;
        ReadOnlySpan<int> group = data.Group;
        var groupCount = data.GroupCount;
        var n = time.Length;
        Preconditions.SameLength(n, status.Length, nameof(status));
        var grouped = !group.IsEmpty;
        if (grouped)
        {
            Preconditions.SameLength(n, group.Length, nameof(group));
        }
        else
        {
            groupCount = 1;
        }

        var sortedTime = new double[n];
        for (var i = 0; i < n; i++)
        {
            if (!(time[i] >= 0) || double.IsInfinity(time[i]))
            {
                throw new ArgumentException($"time[{i}] must be finite and >= 0, found {time[i]}.", nameof(time));
            }
            if (status[i] < 0)
            {
                throw new ArgumentException($"status[{i}] must be >= 0, found {status[i]}.", nameof(status));
            }
            if (grouped && (uint)group[i] >= (uint)groupCount)
            {
                throw new ArgumentException($"group[{i}] must be in [0, {groupCount}), found {group[i]}.", nameof(group));
            }
            sortedTime[i] = time[i];
        }
        // Stable order by time, as R's order(): ties keep file order, so sums run in R's order.
        var order = CoxSort.ByKey(sortedTime, descending: false);
        for (var i = 0; i < n; i++)
        {
            sortedTime[i] = time[order[i]];
        }

        var causes = DistinctCauses(status);
        var causeIndex = new Dictionary<int, int>(causes.Length);
        for (var k = 0; k < causes.Length; k++)
        {
            causeIndex[causes[k]] = k + 1;
        }
        // Sorted status as 0 (censored) or 1-based cause index; sorted group codes.
        var sortedCause = new int[n];
        var sortedGroup = new int[n];
        var groupSizes = new int[groupCount];
        for (var i = 0; i < n; i++)
        {
            var s = status[order[i]];
            sortedCause[i] = s == 0 ? 0 : causeIndex[s];
            sortedGroup[i] = grouped ? group[order[i]] : 0;
            groupSizes[sortedGroup[i]]++;
        }
        var groups = new List<int>();
        for (var g = 0; g < groupCount; g++)
        {
            if (groupSizes[g] > 0)
            {
                groups.Add(g);
            }
        }

        var curves = new IncidenceCurve[causes.Length * groups.Count];
        var groupTime = new double[n];
        var groupCause = new int[n];
        for (var gi = 0; gi < groups.Count; gi++)
        {
            var g = groups[gi];
            var m = 0;
            for (var i = 0; i < n; i++)
            {
                if (sortedGroup[i] == g)
                {
                    groupTime[m] = sortedTime[i];
                    groupCause[m] = sortedCause[i];
                    m++;
                }
            }
            for (var k = 0; k < causes.Length; k++)
            {
                curves[k * groups.Count + gi] = Curve(groupTime.AsSpan(0, m), groupCause.AsSpan(0, m), k + 1, g, causes[k]);
            }
        }

        var tests = new List<GrayTest>();
        var warnings = new List<string>();
        if (groups.Count > 1)
        {
            // Gray's kernel wants groups coded 0..G-1 without gaps.
            var dense = new int[groupCount];
            for (var gi = 0; gi < groups.Count; gi++)
            {
                dense[groups[gi]] = gi;
            }
            var denseGroup = new int[n];
            for (var i = 0; i < n; i++)
            {
                denseGroup[i] = dense[sortedGroup[i]];
            }
            var mark = new int[n];
            for (var k = 0; k < causes.Length; k++)
            {
                for (var i = 0; i < n; i++)
                {
                    mark[i] = sortedCause[i] == 0 ? 0 : sortedCause[i] == k + 1 ? 1 : 2;
                }
                var statistic = GrayTestKernel.Statistic(sortedTime, mark, denseGroup, groups.Count, options.Rho);
                var df = groups.Count - 1;
                if (double.IsNaN(statistic))
                {
                    warnings.Add($"Gray's test for cause {causes[k]}: the score variance is singular, so no statistic is given (R reports -1).");
                }
                tests.Add(new GrayTest(causes[k], statistic, df, double.IsNaN(statistic) ? double.NaN : Probability.ChiSquareUpper(statistic, df)));
            }
        }
        return new CumulativeIncidenceResult(n, causes, groups.ToArray(), curves, tests, warnings);
    }

    private static int[] DistinctCauses(ReadOnlySpan<int> status)
    {
        var seen = new SortedSet<int>();
        foreach (var s in status)
        {
            if (s != 0)
            {
                seen.Add(s);
            }
        }
        return [.. seen];
    }

    // Kernel: one cause in one group (cmprsk's Fortran cinc).
    // Inputs: time ascending; cause[i] = 0 censored, else the 1-based cause index; target = the cause estimated.
    // Output: the curve's steps at the distinct times with a target event, Gray's variance at each.
    // Ties: all events at one time leave together; the variance increments use the hypergeometric factor
    // 1 - (d - 1)/(r - 1) for d tied events among r at risk, exactly as cinc.
    private static IncidenceCurve Curve(ReadOnlySpan<double> time, ReadOnlySpan<int> cause, int target, int groupCode, int causeCode)
    {
        var n = time.Length;
        var stepTimes = new List<double>();
        var estimates = new List<double>();
        var variances = new List<double>();
        double survival = 1, incidence = 0, v1 = 0, v2 = 0, v3 = 0;
        double atRisk = n;
        var start = 0;
        while (start < n)
        {
            var end = start + 1;
            while (end < n && time[end] == time[start])
            {
                end++;
            }
            int d1 = 0, d2 = 0;
            for (var i = start; i < end; i++)
            {
                if (cause[i] == target)
                {
                    d1++;
                }
                else if (cause[i] != 0)
                {
                    d2++;
                }
            }
            var d = d1 + d2;
            if (d > 0)
            {
                var survivalAfter = survival * (atRisk - d) / atRisk;
                if (d1 > 0)
                {
                    incidence += survival * d1 / atRisk;
                }
                if (d2 > 0 && survivalAfter > 0)
                {
                    var t5 = d2 > 1 ? 1 - (d2 - 1.0) / (atRisk - 1.0) : 1;
                    var t6 = survival * survival * t5 * d2 / (atRisk * atRisk);
                    var t3 = 1 / survivalAfter;
                    var t4 = incidence / survivalAfter;
                    v1 += t4 * t4 * t6;
                    v2 += t3 * t4 * t6;
                    v3 += t3 * t3 * t6;
                }
                if (d1 > 0)
                {
                    var t5 = d1 > 1 ? 1 - (d1 - 1.0) / (atRisk - 1.0) : 1;
                    var t6 = survival * survival * t5 * d1 / (atRisk * atRisk);
                    var t3 = survivalAfter > 0 ? 1 / survivalAfter : 0;
                    var t4 = 1 + t3 * incidence;
                    v1 += t4 * t4 * t6;
                    v2 += t3 * t4 * t6;
                    v3 += t3 * t3 * t6;
                    stepTimes.Add(time[start]);
                    estimates.Add(incidence);
                    variances.Add(v1 + incidence * incidence * v3 - 2 * incidence * v2);
                }
                survival = survivalAfter;
            }
            atRisk = n - end;
            start = end;
        }
        return new IncidenceCurve(groupCode, causeCode, [.. stepTimes], [.. estimates], [.. variances], n > 0 ? time[n - 1] : double.NaN);
    }
}
