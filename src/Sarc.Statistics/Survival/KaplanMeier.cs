using System.Collections.Immutable;

namespace Sarc.Statistics.Survival;

/// <summary>
/// The Kaplan-Meier (product-limit) estimator with Greenwood variance, as R
/// <c>survfit(Surv(time, status) ~ group, conf.type, conf.int)</c> with its default <c>timefix = TRUE</c>, and with it
/// what a Kaplan-Meier report shows: the reverse Kaplan-Meier median follow-up (Schemper and Smith 1996; R
/// <c>survfit(Surv(time, 1 - status) ~ 1)</c>) and the log-rank test across groups (<c>survdiff</c>). The rows are
/// sorted once and every part derives from that sort, so a million rows cost one sort and a few linear passes. The
/// caller removes rows with missing values first (and reports how many). See docs/methods/kaplan-meier.md.
/// </summary>
public sealed class KaplanMeier
{
    public KaplanMeier(KaplanMeierOptions? options = null)
    {
        Options = options ?? KaplanMeierOptions.Default;
    }

    public KaplanMeierOptions Options { get; }

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
        var sorted = data.Sort(options.MergeNearEqualTimes);
        var curves = FitGroups(sorted, options);
        var followUp = Kernel(sorted.Time, sorted.Status, reverse: true, options);
        var logRank = sorted.GroupCount >= 2 ? LogRankTest.Test(sorted) : null;

        var warnings = ImmutableArray.CreateBuilder<string>();
        if (sorted.MergedTimes > 0)
        {
            warnings.Add($"{sorted.MergedTimes} time value(s) within {TimeFix.Tolerance:G3} (absolute or relative) of a smaller one were merged with it, as R's timefix does.");
        }
        if (logRank is not null)
        {
            warnings.AddRange(logRank.Warnings);
        }
        for (var g = 0; g < curves.Length; g++)
        {
            foreach (var warning in curves[g].Warnings)
            {
                warnings.Add(sorted.GroupCount == 1 ? warning : $"Group {g}: {warning}");
            }
        }
        return new KaplanMeierResult(curves, followUp, followUp.Median(), logRank, sorted.MergedTimes, warnings.ToImmutable());
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

        var times = new double[distinct];
        var atRisk = new int[distinct];
        var events = new int[distinct];
        var censored = new int[distinct];
        var survival = new double[distinct];
        var stdErrLog = new double[distinct];
        var lower = new double[distinct];
        var upper = new double[distinct];
        var z = options.NormalQuantile;
        var type = options.ConfidenceType;

        double km = 1, greenwood = 0;
        var totalEvents = 0;
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
            var nRisk = (double)(n - start);
            if (deaths > 0)
            {
                // Same operation order as survfitkm.c so that S and its variance agree with R to the last bits.
                km *= (nRisk - deaths) / nRisk;
                greenwood += deaths / (nRisk * (nRisk - deaths));
            }
            totalEvents += deaths;
            times[k] = t;
            atRisk[k] = n - start;
            events[k] = deaths;
            censored[k] = row - start - deaths;
            survival[k] = km;
            stdErrLog[k] = Math.Sqrt(greenwood);
            (lower[k], upper[k]) = ConfidenceBand.Limits(km, stdErrLog[k], z, type);
        }
        return new KaplanMeierCurve(options, n, totalEvents, times, atRisk, events, censored, survival, stdErrLog, lower, upper);
    }
}
