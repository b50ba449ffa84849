namespace Sarc.Statistics.Prediction;

/// <summary>
/// The Kaplan-Meier of the censoring distribution that inverse-probability-of-censoring weights divide by, as
/// riskRegression's marginal censoring model (<c>prodlim(..., reverse = TRUE)</c>): at a time with both, events
/// precede censorings, so the censorings at s leave from n(s) − d(s) at risk. Raw times (no merging), as prodlim.
/// </summary>
internal sealed class CensoringWeights
{
    private readonly double[] times;
    private readonly double[] survival;

    private CensoringWeights(double[] times, double[] survival)
    {
        this.times = times;
        this.survival = survival;
    }

    /// <summary>Fits G from the outcome: any non-zero status is an event (it ends follow-up uncensored).</summary>
    public static CensoringWeights Fit(PredictionOutcome outcome)
    {
        var n = outcome.Count;
        var order = SortOrder.Ascending(outcome.Time, out var sorted);
        var dead = new bool[n];
        for (var i = 0; i < n; i++)
        {
            dead[i] = outcome.Status[order[i]] != 0;
        }
        var jumpTimes = new List<double>();
        var values = new List<double>();
        var g = 1.0;
        for (var start = 0; start < n;)
        {
            var end = start;
            int deaths = 0, censored = 0;
            while (end < n && sorted[end] == sorted[start])
            {
                if (dead[end])
                {
                    deaths++;
                }
                else
                {
                    censored++;
                }
                end++;
            }
            if (censored > 0)
            {
                var atRisk = (double)(n - start - deaths);
                g *= 1 - censored / atRisk;
                jumpTimes.Add(sorted[start]);
                values.Add(g);
            }
            start = end;
        }
        return new CensoringWeights([.. jumpTimes], [.. values]);
    }

    /// <summary>G(t): the censoring survival just after <paramref name="t"/> (prodlim's <c>predict(fit, times)</c>).</summary>
    public double At(double t)
    {
        var k = SortedTimes.CountAtOrBefore(times, t);
        return k == 0 ? 1 : survival[k - 1];
    }

    /// <summary>G(t-): just before <paramref name="t"/> (prodlim's <c>predictSurvIndividual(fit, lag = 1)</c>).</summary>
    public double Before(double t)
    {
        var k = CountBefore(t);
        return k == 0 ? 1 : survival[k - 1];
    }

    private int CountBefore(double t)
    {
        int low = 0, high = times.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (times[middle] < t)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        return low;
    }
}
