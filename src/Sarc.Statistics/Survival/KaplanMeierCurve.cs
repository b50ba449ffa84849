using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace Sarc.Statistics.Survival;

/// <summary>
/// A fitted Kaplan-Meier curve: one row per distinct observed time (event or censoring), as the columns of R's
/// <c>survfit(Surv(time, status))</c> object, plus the readings R derives from it (summary at times, quantiles).
/// Immutable. Times are in the unit of the data; NaN in any array stands for R's NA.
/// </summary>
public sealed class KaplanMeierCurve
{
    internal KaplanMeierCurve(
        KaplanMeierOptions options, int count, int eventCount,
        double[] time, int[] atRisk, int[] events, int[] censored,
        double[] survival, double[] stdErrLog, double[] lower, double[] upper)
    {
        Options = options;
        N = count;
        EventCount = eventCount;
        Time = ImmutableCollectionsMarshal.AsImmutableArray(time);
        AtRisk = ImmutableCollectionsMarshal.AsImmutableArray(atRisk);
        Events = ImmutableCollectionsMarshal.AsImmutableArray(events);
        Censored = ImmutableCollectionsMarshal.AsImmutableArray(censored);
        Survival = ImmutableCollectionsMarshal.AsImmutableArray(survival);
        StdErrLog = ImmutableCollectionsMarshal.AsImmutableArray(stdErrLog);
        Lower = ImmutableCollectionsMarshal.AsImmutableArray(lower);
        Upper = ImmutableCollectionsMarshal.AsImmutableArray(upper);
        var stdErr = new double[survival.Length];
        for (var i = 0; i < stdErr.Length; i++)
        {
            stdErr[i] = stdErrLog[i] * survival[i];
        }
        StdErr = ImmutableCollectionsMarshal.AsImmutableArray(stdErr);
        Warnings = eventCount == 0 && count > 0
            ? ["No events: the curve stays at 1, so its median and quantiles are not reached (NaN)."]
            : [];
    }

    /// <summary>The options the curve was fitted with (interval type and level).</summary>
    public KaplanMeierOptions Options { get; }

    /// <summary>Number of subjects (rows) in the curve; R <c>fit$n</c>.</summary>
    public int N { get; }

    /// <summary>Number of events in the curve.</summary>
    public int EventCount { get; }

    /// <summary>The distinct times, ascending (after near-equal times were merged, if the options say so); R <c>fit$time</c>.</summary>
    public ImmutableArray<double> Time { get; }

    /// <summary>Subjects at risk just before each time (time ≥ t); R <c>fit$n.risk</c>.</summary>
    public ImmutableArray<int> AtRisk { get; }

    /// <summary>Events at each time; R <c>fit$n.event</c>.</summary>
    public ImmutableArray<int> Events { get; }

    /// <summary>Censorings at each time; R <c>fit$n.censor</c>.</summary>
    public ImmutableArray<int> Censored { get; }

    /// <summary>S(t) just after each time (product-limit estimate); R <c>fit$surv</c>.</summary>
    public ImmutableArray<double> Survival { get; }

    /// <summary>
    /// Greenwood standard error of log S(t): sqrt(Σ d / (n (n - d))) over event times ≤ t; R <c>fit$std.err</c>.
    /// Infinite once every subject at risk has had the event.
    /// </summary>
    public ImmutableArray<double> StdErrLog { get; }

    /// <summary>Greenwood standard error of S(t) itself, S · se(log S), as R's <c>summary()</c> reports it; NaN where S is 0.</summary>
    public ImmutableArray<double> StdErr { get; }

    /// <summary>Lower pointwise confidence limit of S(t), of <see cref="KaplanMeierOptions.ConfidenceType"/>; R <c>fit$lower</c>.</summary>
    public ImmutableArray<double> Lower { get; }

    /// <summary>Upper pointwise confidence limit of S(t); R <c>fit$upper</c>.</summary>
    public ImmutableArray<double> Upper { get; }

    /// <summary>Statistical trouble worth telling the user about (such as a curve without events).</summary>
    public ImmutableArray<string> Warnings { get; }

    /// <summary>
    /// The curve read at the given times, as R <c>summary(fit, times, extend = TRUE)</c>: rows sorted by time
    /// (R sorts them), infinite times dropped. Before the first time S = 1 with zero standard error and limits 1;
    /// after the last time the last values carry on with 0 at risk.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A NaN time.</exception>
    public ImmutableArray<SurvivalAtTime> SummaryAt(ReadOnlySpan<double> times)
    {
        var requested = new List<double>(times.Length);
        foreach (var t in times)
        {
            Preconditions.NotNaN(t, nameof(times));
            if (double.IsFinite(t))
            {
                requested.Add(t);
            }
        }
        requested.Sort();

        var time = Time.AsSpan();
        // R's survfit0 prepends a row at time 0 (S = 1, limits 1, se 0) unless the curve already starts at 0.
        var startsAtZero = time.Length > 0 && time[0] == 0;
        var rows = ImmutableArray.CreateBuilder<SurvivalAtTime>(requested.Count);
        foreach (var t in requested)
        {
            var last = LastIndexAtOrBefore(time, t);
            var firstAtOrAfter = last >= 0 && time[last] == t ? last : last + 1;
            var atRisk = firstAtOrAfter < time.Length ? AtRisk[firstAtOrAfter] : 0;
            // findInterval gives the last row at or before t; R clamps index 0 to the first row of the survfit0 curve.
            var row = startsAtZero ? Math.Max(last, 0) : last;
            rows.Add(row < 0
                ? new SurvivalAtTime(t, atRisk, 1, 0, 1, 1)
                : new SurvivalAtTime(t, atRisk, Survival[row], StdErr[row], Lower[row], Upper[row]));
        }
        return rows.MoveToImmutable();
    }

    /// <summary>
    /// The time by which a fraction <paramref name="p"/> has had the event (S reaches 1 - p), with its confidence
    /// limits read off the confidence bands; as R <c>quantile(fit, p)</c>, including its rule for flat segments
    /// (within √ε of 1 - p the midpoint of the segment, or of its start and the last time if it runs to the end).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> not in (0, 1).</exception>
    public QuantileEstimate Quantile(double p)
    {
        Preconditions.InOpenRange(p, 0, 1, nameof(p));
        var time = Time.AsSpan();
        return new QuantileEstimate(
            SurvivalQuantile.Find(time, Survival.AsSpan(), p),
            SurvivalQuantile.Find(time, Lower.AsSpan(), p),
            SurvivalQuantile.Find(time, Upper.AsSpan(), p));
    }

    /// <summary>The median survival time with its confidence interval; as R <c>quantile(fit, 0.5)</c>.</summary>
    public QuantileEstimate Median() => Quantile(0.5);

    private static int LastIndexAtOrBefore(ReadOnlySpan<double> sorted, double t)
    {
        int low = 0, high = sorted.Length - 1, found = -1;
        while (low <= high)
        {
            var middle = low + (high - low) / 2;
            if (sorted[middle] <= t)
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }
        return found;
    }
}
