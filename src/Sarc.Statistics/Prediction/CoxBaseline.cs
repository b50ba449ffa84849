using Sarc.Statistics.Survival;

namespace Sarc.Statistics.Prediction;

/// <summary>
/// The baseline cumulative hazard of a fitted Cox model, as R's <c>survfit(fit)</c> computes it (survival's
/// <c>agsurv</c>): at each event time s, with R(s) = Σ_{Tⱼ ≥ s} exp(lpⱼ) and d events whose exp(lp) sum to E,
/// the increment is d / R(s) (Breslow, <c>ctype = 1</c>) or Σ_{k=0}^{d−1} 1 / (R(s) − k E / d) (Efron,
/// <c>ctype = 2</c>, survfit's default after an Efron fit). With lp centred as the model's, H₀ is the cumulative
/// hazard at lp = 0, and a patient's survival is exp(−H₀(t) exp(lp)).
/// </summary>
public static class CoxBaseline
{
    /// <summary>H₀ at each of <paramref name="at"/> (the sum of the increments at event times ≤ t).</summary>
    /// <param name="time">Follow-up times, finite and &gt;= 0.</param>
    /// <param name="status">1 = event, 0 = censored.</param>
    /// <param name="linearPredictor">Each patient's linear predictor on the model's centring (an offset for recalibration).</param>
    /// <param name="ties">The tie handling of the fit (survfit follows it).</param>
    /// <param name="at">Times at which to read H₀.</param>
    /// <param name="mergeNearEqualTimes">Merge near-equal times first, as coxph does (<c>timefix = TRUE</c>).</param>
    /// <exception cref="ArgumentException">Lengths differ or a value is not finite.</exception>
    public static double[] CumulativeHazard(
        ReadOnlySpan<double> time, ReadOnlySpan<double> status, ReadOnlySpan<double> linearPredictor, CoxTies ties,
        ReadOnlySpan<double> at, bool mergeNearEqualTimes = true)
    {
        var n = time.Length;
        Preconditions.SameLength(n, status.Length, nameof(status));
        Preconditions.SameLength(n, linearPredictor.Length, nameof(linearPredictor));
        foreach (var v in linearPredictor)
        {
            if (!double.IsFinite(v))
            {
                throw new ArgumentException("Linear predictors must be finite.", nameof(linearPredictor));
            }
        }
        var t = mergeNearEqualTimes ? TimeFix.Merge(time) : time.ToArray();
        var order = SortOrder.Ascending(t, out var sorted);
        // Descending pass: R(s) accumulated from the last time down (R's rev(cumsum(rev(rowsum(...))))).
        var eventTimes = new List<double>();
        var increments = new List<double>();
        var atRisk = 0.0;
        for (var end = n; end > 0;)
        {
            var start = end - 1;
            while (start > 0 && sorted[start - 1] == sorted[end - 1])
            {
                start--;
            }
            var blockRisk = 0.0;
            var eventRisk = 0.0;
            var deaths = 0;
            for (var r = start; r < end; r++)
            {
                var risk = Math.Exp(linearPredictor[order[r]]);
                blockRisk += risk;
                if (status[order[r]] != 0)
                {
                    eventRisk += risk;
                    deaths++;
                }
            }
            atRisk += blockRisk;
            if (deaths > 0)
            {
                double increment;
                if (ties == CoxTies.Breslow || deaths == 1)
                {
                    increment = deaths / atRisk;
                }
                else
                {
                    var sum = 0.0;
                    for (var k = 0; k < deaths; k++)
                    {
                        sum += 1 / (atRisk - eventRisk * k / deaths) / deaths;
                    }
                    increment = deaths * sum;
                }
                eventTimes.Add(sorted[start]);
                increments.Add(increment);
            }
            end = start;
        }
        eventTimes.Reverse();
        increments.Reverse();
        return SortedTimes.CumulativeAt(eventTimes.ToArray(), increments.ToArray(), at);
    }
}
