using System.Collections.Immutable;

namespace Sarc.Statistics.Survival;

/// <summary>
/// The Kaplan-Meier (product-limit) estimator with Greenwood variance, as R
/// <c>survfit(Surv(time, status) ~ group, conf.type, conf.int)</c> with its default <c>timefix = TRUE</c>, and with it
/// what a Kaplan-Meier report shows: the reverse Kaplan-Meier median follow-up (Schemper and Smith 1996; R
/// <c>survfit(Surv(time, 1 - status) ~ 1)</c>) and the log-rank test across groups (<c>survdiff</c>). The rows are
/// tabulated by distinct time (<see cref="SurvivalTable"/>), or when nearly every time is distinct sorted once, and
/// every part derives from that, so a million rows cost one hashing pass (or one sort) and a few short ones. The
/// caller removes rows with missing values first (and reports how many). See docs/methods/kaplan-meier.md.
/// </summary>
/// <param name="options">The estimator's options, or null for <see cref="KaplanMeierOptions.Default"/>.</param>
public sealed class KaplanMeier(KaplanMeierOptions? options = null)
{
    /// <summary>The options every fit uses (confidence level and interval type).</summary>
    public KaplanMeierOptions Options { get; } = options ?? KaplanMeierOptions.Default;

    /// <summary>
    /// Fits one curve per group code (a single curve without groups). Near-equal times are merged over all rows
    /// before the split, as R does, so a group's curve can differ from fitting that group alone when times are
    /// near-equal.
    /// </summary>
    /// <exception cref="ArgumentException">Lengths differ, a status other than 0/1, or group codes missing while GroupCount ≠ 1.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A negative, NaN or infinite time, or a code outside [0, GroupCount).</exception>
    public KaplanMeierResult Fit(SurvivalData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var options = Options;
        var (time, status, group, groupCount) = data.Validated();
        ImmutableArray<KaplanMeierCurve> curves;
        KaplanMeierCurve followUp;
        LogRankResult? logRank;
        int mergedTimes;
        // Few distinct times (the usual case: days, months to 0.01): count them instead of sorting every row.
        if (SurvivalTable.TryCreate(time, status, group, groupCount, options.MergeNearEqualTimes) is { } table)
        {
            var fitted = new KaplanMeierCurve[groupCount];
            for (var g = 0; g < groupCount; g++)
            {
                fitted[g] = Kernel(table, g, reverse: false, options);
            }
            curves = [.. fitted];
            followUp = Kernel(table, -1, reverse: true, options);
            logRank = groupCount >= 2 ? LogRankTest.Test(table) : null;
            mergedTimes = table.MergedTimes;
        }
        else
        {
            var sorted = SortedSurvivalData.CreateValidated(time, status, group, groupCount, options.MergeNearEqualTimes);
            curves = FitGroups(sorted, options);
            followUp = Kernel(sorted.Time, sorted.Status, reverse: true, options);
            logRank = groupCount >= 2 ? LogRankTest.Test(sorted) : null;
            mergedTimes = sorted.MergedTimes;
        }

        var warnings = ImmutableArray.CreateBuilder<string>();
        if (mergedTimes > 0)
        {
            warnings.Add($"{mergedTimes} time value(s) within {TimeFix.Tolerance:G3} (absolute or relative) of a smaller one were merged with it, as R's timefix does.");
        }
        if (logRank is not null)
        {
            warnings.AddRange(logRank.Warnings);
        }
        for (var g = 0; g < curves.Length; g++)
        {
            foreach (var warning in curves[g].Warnings)
            {
                warnings.Add(groupCount == 1 ? warning : $"Group {g}: {warning}");
            }
        }
        return new KaplanMeierResult(curves, followUp, followUp.Median(), logRank, mergedTimes, warnings.ToImmutable());
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
