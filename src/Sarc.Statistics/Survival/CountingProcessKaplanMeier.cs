using System.Collections.Immutable;

namespace Sarc.Statistics.Survival;

/// <summary>
/// The product-limit estimator for counting-process rows (start, stop], as R
/// <c>survfit(Surv(start, stop, status) ~ group)</c> (no <c>id</c>, Greenwood variance, <c>timefix = TRUE</c>). A row
/// is at risk at t when start &lt; t ≤ stop, so a subject can enter a group late. With the group a time-dependent
/// covariate (each subject's rows split where it changes) this is the Simon-Makuch "extended Kaplan-Meier" estimate
/// (Simon and Makuch 1984). See docs/methods/simon-makuch.md.
/// </summary>
/// <param name="options">The estimator's options, or null for <see cref="KaplanMeierOptions.Default"/>.</param>
public sealed class CountingProcessKaplanMeier(KaplanMeierOptions? options = null)
{
    /// <summary>The options every fit uses (confidence level and interval type).</summary>
    public KaplanMeierOptions Options { get; } = options ?? KaplanMeierOptions.Default;

    /// <summary>
    /// One curve per group code of <paramref name="data"/> (rows (Start, Time]). Each curve has a row per distinct stop
    /// time of its rows (events and censorings), its n at risk counted as start &lt; t ≤ stop;
    /// <see cref="KaplanMeierCurve.N"/> is the group's row count. Near-equal times are merged over start and stop of all
    /// rows together before the split, as R.
    /// </summary>
    /// <exception cref="ArgumentException">Lengths differ, no Start, or a status other than 0/1.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A NaN or infinite time, a negative start, a stop not after its start, or a group code outside [0, GroupCount).</exception>
    public ImmutableArray<KaplanMeierCurve> Fit(SurvivalData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Start is null)
        {
            throw new ArgumentException("Counting-process data need Start.", nameof(data));
        }
        var options = Options;
        ReadOnlySpan<double> start = data.Start;
        ReadOnlySpan<double> stop = data.Time;
        ReadOnlySpan<bool> status = data.Events();
        ReadOnlySpan<int> group = data.Group ?? new int[data.Time.Length];
        var groupCount = data.GroupCount;
        var n = start.Length;
        Preconditions.SameLength(n, stop.Length, nameof(stop));
        Preconditions.SameLength(n, group.Length, nameof(group));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(groupCount);
        for (var i = 0; i < n; i++)
        {
            if (!double.IsFinite(start[i]) || !double.IsFinite(stop[i]) || start[i] < 0 || !(stop[i] > start[i]))
            {
                throw new ArgumentOutOfRangeException(nameof(data), $"Row {i}: (start, stop] = ({start[i]}, {stop[i]}] is not an interval of finite non-negative times.");
            }
            if (group[i] < 0 || group[i] >= groupCount)
            {
                throw new ArgumentOutOfRangeException(nameof(data), $"Row {i}: group code {group[i]} is outside [0, {groupCount}).");
            }
        }
        double[] merged = options.MergeNearEqualTimes ? TimeFix.Merge([.. start, .. stop]) : [.. start, .. stop];
        var curves = new KaplanMeierCurve[groupCount];
        for (var g = 0; g < groupCount; g++)
        {
            var starts = new List<double>();
            var stops = new List<double>();
            var events = new List<bool>();
            for (var i = 0; i < n; i++)
            {
                if (group[i] == g)
                {
                    starts.Add(merged[i]);
                    stops.Add(merged[n + i]);
                    events.Add(status[i]);
                }
            }
            curves[g] = Kernel([.. starts], [.. stops], [.. events], options);
        }
        return [.. curves];
    }

    /// <summary>
    /// Kernel. Inputs: one group's rows (start, stop], status true = event at stop. Sorted once by stop (and starts
    /// separately); at each distinct stop time t, n(t) = #{stop ≥ t} − #{start ≥ t}; d(t) events with stop = t;
    /// S *= (n − d) / n and Greenwood's d / (n (n − d)) as the right-censored kernel, in time order.
    /// </summary>
    private static KaplanMeierCurve Kernel(double[] start, double[] stop, bool[] status, KaplanMeierOptions options)
    {
        var n = stop.Length;
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }
        Array.Sort(order, (a, b) => stop[a].CompareTo(stop[b]));
        var sortedStarts = (double[])start.Clone();
        Array.Sort(sortedStarts);

        var times = new List<double>();
        var atRisk = new List<int>();
        var eventCounts = new List<int>();
        var censored = new List<int>();
        var survival = new List<double>();
        var stdErrLog = new List<double>();
        var lower = new List<double>();
        var upper = new List<double>();
        double km = 1, greenwood = 0;
        var totalEvents = 0;
        var startsAtOrAfter = n;
        var startIndex = 0;
        for (var row = 0; row < n;)
        {
            var t = stop[order[row]];
            var first = row;
            var deaths = 0;
            for (; row < n && stop[order[row]] == t; row++)
            {
                deaths += status[order[row]] ? 1 : 0;
            }
            while (startIndex < n && sortedStarts[startIndex] < t)
            {
                startIndex++;
            }
            startsAtOrAfter = n - startIndex;
            var risk = n - first - startsAtOrAfter;
            var nRisk = (double)risk;
            if (deaths > 0)
            {
                km *= (nRisk - deaths) / nRisk;
                greenwood += deaths / (nRisk * (nRisk - deaths));
            }
            totalEvents += deaths;
            times.Add(t);
            atRisk.Add(risk);
            eventCounts.Add(deaths);
            censored.Add(row - first - deaths);
            survival.Add(km);
            stdErrLog.Add(Math.Sqrt(greenwood));
            var (lo, hi) = ConfidenceBand.Limits(km, Math.Sqrt(greenwood), options.NormalQuantile, options.ConfidenceType);
            lower.Add(lo);
            upper.Add(hi);
        }
        return new KaplanMeierCurve(options, n, totalEvents, [.. times], [.. atRisk], [.. eventCounts], [.. censored], [.. survival], [.. stdErrLog], [.. lower], [.. upper]);
    }
}
