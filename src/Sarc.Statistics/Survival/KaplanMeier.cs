using System.Collections.Immutable;

namespace Sarc.Statistics.Survival;

/// <summary>
/// The Kaplan-Meier (product-limit) estimator with Greenwood variance, as R
/// <c>survfit(Surv(time, status) ~ group, conf.type, conf.int)</c> with its default <c>timefix = TRUE</c>.
/// Times are non-negative and finite, in any unit (months in Sarc studies); status true = event, false = censored.
/// The caller removes rows with missing values first (and reports how many). See docs/methods/kaplan-meier.md.
/// </summary>
public static class KaplanMeier
{
    /// <summary>One curve over all rows; as R <c>survfit(Surv(time, status) ~ 1)</c>.</summary>
    /// <exception cref="ArgumentException">Lengths differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A negative, NaN or infinite time.</exception>
    public static KaplanMeierCurve Fit(ReadOnlySpan<double> time, ReadOnlySpan<bool> status, KaplanMeierOptions? options = null)
    {
        options ??= KaplanMeierOptions.Default;
        var data = SortedSurvivalData.Create(time, status, [], 1, options.MergeNearEqualTimes);
        return Kernel(data.Time, data.Status, reverse: false, options);
    }

    /// <summary>
    /// One curve per group code 0 … <paramref name="groupCount"/> - 1 (a code without rows gives an empty curve);
    /// as R <c>survfit(Surv(time, status) ~ group)</c>. Near-equal times are merged over all rows before the split,
    /// as R does, so this can differ from fitting each group alone when times are near-equal.
    /// </summary>
    /// <exception cref="ArgumentException">Lengths differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A negative, NaN or infinite time, or a code outside [0, groupCount).</exception>
    public static ImmutableArray<KaplanMeierCurve> Fit(ReadOnlySpan<double> time, ReadOnlySpan<bool> status,
        ReadOnlySpan<int> group, int groupCount, KaplanMeierOptions? options = null)
    {
        options ??= KaplanMeierOptions.Default;
        var data = SortedSurvivalData.Create(time, status, group, groupCount, options.MergeNearEqualTimes);
        return FitGroups(data, options);
    }

    /// <summary>
    /// The reverse Kaplan-Meier curve, censoring as the event, whose median is the median follow-up (Schemper and
    /// Smith 1996); as R <c>survfit(Surv(time, 1 - status) ~ 1)</c>.
    /// </summary>
    /// <exception cref="ArgumentException">Lengths differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A negative, NaN or infinite time.</exception>
    public static KaplanMeierCurve FitReverse(ReadOnlySpan<double> time, ReadOnlySpan<bool> status, KaplanMeierOptions? options = null)
    {
        options ??= KaplanMeierOptions.Default;
        var data = SortedSurvivalData.Create(time, status, [], 1, options.MergeNearEqualTimes);
        return Kernel(data.Time, data.Status, reverse: true, options);
    }

    internal static ImmutableArray<KaplanMeierCurve> FitGroups(SortedSurvivalData data, KaplanMeierOptions options)
    {
        var curves = new KaplanMeierCurve[data.GroupCount];
        for (var g = 0; g < curves.Length; g++)
        {
            curves[g] = Kernel(data.GroupTime(g), data.GroupStatus(g), reverse: false, options);
        }
        return [.. curves];
    }

    /// <summary>
    /// Product-limit kernel (R survfitkm.c, type 1, unweighted).
    /// Inputs: <paramref name="time"/> ascending with ties adjacent (already merged by timefix), <paramref name="status"/>
    /// true = event; with <paramref name="reverse"/> the roles of event and censoring are swapped.
    /// Outputs per distinct time: n at risk (n - rows before), events d, censorings, S *= (n - d) / n and the
    /// Greenwood sum d / (n (n - d)), summed in time order as R does; its square root is se(log S).
    /// One pass to count distinct times, one to fill; no allocation per row.
    /// </summary>
    internal static KaplanMeierCurve Kernel(ReadOnlySpan<double> time, ReadOnlySpan<bool> status, bool reverse, KaplanMeierOptions options)
    {
        var n = time.Length;
        var distinct = 0;
        for (var i = 0; i < n; i++)
        {
            if (i == 0 || time[i] != time[i - 1])
            {
                distinct++;
            }
        }
        var steps = new Steps(distinct, n, options);
        var row = 0;
        for (var k = 0; k < distinct; k++)
        {
            var t = time[row];
            var start = row;
            var deaths = 0;
            for (; row < n && time[row] == t; row++)
            {
                if (status[row] != reverse)
                {
                    deaths++;
                }
            }
            steps.Add(t, n - start, deaths, row - start - deaths);
        }
        return steps.Curve();
    }

    /// <summary>
    /// The product-limit kernel on a <see cref="SurvivalTable"/>: the curve of group <paramref name="group"/> (or of
    /// all rows when it is -1), with the arithmetic of <see cref="Kernel(ReadOnlySpan{double}, ReadOnlySpan{bool}, bool, KaplanMeierOptions)"/>
    /// in the same order, so the same doubles. Its times are those at which the group has a row.
    /// </summary>
    internal static KaplanMeierCurve Kernel(SurvivalTable table, int group, bool reverse, KaplanMeierOptions options)
    {
        var groups = table.GroupCount;
        var first = group < 0 ? 0 : group;
        var last = group < 0 ? groups : group + 1;
        var n = 0;
        for (var g = first; g < last; g++)
        {
            n += table.GroupSize[g];
        }
        var distinct = 0;
        for (var k = 0; k < table.Time.Length; k++)
        {
            if (Rows(table, k, first, last, out _) > 0)
            {
                distinct++;
            }
        }
        var steps = new Steps(distinct, n, options);
        var before = 0;
        for (var k = 0; k < table.Time.Length; k++)
        {
            var rows = Rows(table, k, first, last, out var eventRows);
            if (rows == 0)
            {
                continue;
            }
            var deaths = reverse ? rows - eventRows : eventRows;
            steps.Add(table.Time[k], n - before, deaths, rows - deaths);
            before += rows;
        }
        return steps.Curve();
    }

    /// <summary>
    /// The curve's rows as both kernels produce them: at each distinct time, S *= (n - d) / n and the Greenwood sum
    /// d / (n (n - d)), in time order and in survfitkm.c's operation order, so that S and its variance agree with R
    /// to the last bits; its square root is se(log S).
    /// </summary>
    private sealed class Steps(int count, int n, KaplanMeierOptions options)
    {
        private readonly double[] times = new double[count];
        private readonly int[] atRisk = new int[count];
        private readonly int[] events = new int[count];
        private readonly int[] censored = new int[count];
        private readonly double[] survival = new double[count];
        private readonly double[] stdErrLog = new double[count];
        private readonly double[] lower = new double[count];
        private readonly double[] upper = new double[count];
        private double km = 1;
        private double greenwood;
        private int totalEvents;
        private int filled;

        public void Add(double time, int risk, int deaths, int censorings)
        {
            var nRisk = (double)risk;
            if (deaths > 0)
            {
                km *= (nRisk - deaths) / nRisk;
                greenwood += deaths / (nRisk * (nRisk - deaths));
            }
            totalEvents += deaths;
            var k = filled++;
            times[k] = time;
            atRisk[k] = risk;
            events[k] = deaths;
            censored[k] = censorings;
            survival[k] = km;
            stdErrLog[k] = Math.Sqrt(greenwood);
            (lower[k], upper[k]) = ConfidenceBand.Limits(km, stdErrLog[k], options.NormalQuantile, options.ConfidenceType);
        }

        public KaplanMeierCurve Curve() =>
            new(options, n, totalEvents, times, atRisk, events, censored, survival, stdErrLog, lower, upper);
    }

    // Rows of groups [first, last) at time index k, and how many of them are events.
    private static int Rows(SurvivalTable table, int k, int first, int last, out int eventRows)
    {
        var groups = table.GroupCount;
        var rows = 0;
        eventRows = 0;
        for (var g = first; g < last; g++)
        {
            eventRows += table.Events[k * groups + g];
            rows += table.Events[k * groups + g] + table.Censored[k * groups + g];
        }
        return rows;
    }
}
