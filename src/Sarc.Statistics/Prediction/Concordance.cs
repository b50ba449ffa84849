using Sarc.Statistics.Survival;

namespace Sarc.Statistics.Prediction;

/// <summary>
/// Harrell's and Uno's concordance of a risk score with right-censored survival, exactly as R's
/// <c>survival::concordance(Surv(time, status) ~ risk, reverse = TRUE, timewt, ymax)</c> (survival 3.5): a pair is
/// comparable when one patient has an event at t and the other outlives t (a later time, or censored at t); two
/// events at the same time are not comparable; equal risks count one half. With <see cref="ConcordanceTimeWeight.Uno"/>
/// the pairs at event time t weigh 1 / G(t-)², G the Kaplan-Meier of the censoring in which events at t precede
/// censorings at t (survival's <c>fastkm1</c>), and events after <c>maxTime</c> (τ) do not count. Near-equal times
/// are merged first as R's <c>aeqSurv</c>, unless asked not to (Hmisc's <c>dxy.cens</c>, which rms::validate uses,
/// does not merge them).
/// </summary>
public static class Concordance
{
    /// <summary>Computes the index.</summary>
    /// <param name="time">Follow-up times, finite, any order.</param>
    /// <param name="status">True = event, false = censored.</param>
    /// <param name="risk">The predicted risk (higher = earlier event expected), finite; e.g. a linear predictor.</param>
    /// <param name="weight">Harrell's (every pair once) or Uno's (inverse squared censoring survival).</param>
    /// <param name="maxTime">τ: event times above it do not count (R's <c>ymax</c>); +∞ for none.</param>
    /// <param name="mergeNearEqualTimes">Merge near-equal times as R's <c>aeqSurv</c> first (R <c>timefix = TRUE</c>).</param>
    /// <exception cref="ArgumentException">Lengths differ, or a time or risk is not finite.</exception>
    public static ConcordanceResult Compute(
        ReadOnlySpan<double> time, ReadOnlySpan<bool> status, ReadOnlySpan<double> risk,
        ConcordanceTimeWeight weight = ConcordanceTimeWeight.Harrell, double maxTime = double.PositiveInfinity,
        bool mergeNearEqualTimes = true)
    {
        var n = time.Length;
        Preconditions.SameLength(n, status.Length, nameof(status));
        Preconditions.SameLength(n, risk.Length, nameof(risk));
        Preconditions.NotNaN(maxTime, nameof(maxTime));
        for (var i = 0; i < n; i++)
        {
            if (!double.IsFinite(time[i]) || !double.IsFinite(risk[i]))
            {
                throw new ArgumentException($"Row {i}: time and risk must be finite.", nameof(time));
            }
        }
        var t = mergeNearEqualTimes ? TimeFix.Merge(time) : time.ToArray();
        var events = 0;
        foreach (var s in status)
        {
            events += s ? 1 : 0;
        }
        if (events == 0)
        {
            return new ConcordanceResult(double.NaN, 0, 0, 0, 0);
        }
        // R: with fewer than two events the weights fall back to "n".
        var uno = weight == ConcordanceTimeWeight.Uno && events >= 2;

        // G(t-) at each event time, events before censorings at a tie, as fastkm1 computes it.
        var order = SortOrder.Ascending(t, out var keys);
        var censoring = uno ? CensoringWeights.Fit(new PredictionOutcome(t, status.ToArray().Select(s => s ? 1 : 0).ToArray(), 1, false)) : null;
        var timeWeight = new List<double>();
        for (var start = 0; start < n;)
        {
            var end = start;
            var deaths = 0;
            while (end < n && keys[end] == keys[start])
            {
                deaths += status[order[end]] ? 1 : 0;
                end++;
            }
            if (deaths > 0)
            {
                var g = censoring?.Before(keys[start]) ?? 1;
                timeWeight.Add(keys[start] > maxTime ? 0 : 1 / (g * g));
            }
            start = end;
        }

        // Dense ranks of the risk, for a Fenwick tree of the patients who outlive the current time.
        var rank = DenseRanks(risk, out var levels);
        var tree = new long[levels + 1];
        var atLevel = new long[levels];
        long inTree = 0;
        double concordant = 0, discordant = 0, tiedRisk = 0, tiedTime = 0;
        var w = timeWeight.Count - 1;
        // Descending time; at a tie the censored enter the tree before the events are counted.
        for (var end = n; end > 0;)
        {
            var start = end - 1;
            while (start > 0 && keys[start - 1] == keys[end - 1])
            {
                start--;
            }
            var deathsHere = 0;
            for (var r = start; r < end; r++)
            {
                var i = order[r];
                if (!status[i])
                {
                    Add(tree, atLevel, rank[i]);
                    inTree++;
                }
                else
                {
                    deathsHere++;
                }
            }
            if (deathsHere > 0)
            {
                var wt = timeWeight[w--];
                for (var r = start; r < end; r++)
                {
                    var i = order[r];
                    if (!status[i])
                    {
                        continue;
                    }
                    var below = Below(tree, rank[i]);
                    var equal = atLevel[rank[i]];
                    concordant += wt * below;
                    tiedRisk += wt * equal;
                    discordant += wt * (inTree - below - equal);
                }
                tiedTime += wt * (deathsHere * (deathsHere - 1) / 2.0);
                for (var r = start; r < end; r++)
                {
                    var i = order[r];
                    if (status[i])
                    {
                        Add(tree, atLevel, rank[i]);
                        inTree++;
                    }
                }
            }
            end = start;
        }
        var pairs = concordant + discordant + tiedRisk;
        return new ConcordanceResult((concordant + tiedRisk / 2) / pairs, concordant, discordant, tiedRisk, tiedTime);
    }

    private static int[] DenseRanks(ReadOnlySpan<double> values, out int levels)
    {
        var n = values.Length;
        var order = SortOrder.Ascending(values, out var sorted);
        var rank = new int[n];
        levels = 0;
        for (var r = 0; r < n; r++)
        {
            if (r > 0 && sorted[r] != sorted[r - 1])
            {
                levels++;
            }
            rank[order[r]] = levels;
        }
        levels = n == 0 ? 0 : levels + 1;
        return rank;
    }

    private static void Add(long[] tree, long[] atLevel, int level)
    {
        atLevel[level]++;
        for (var k = level + 1; k < tree.Length; k += k & -k)
        {
            tree[k]++;
        }
    }

    /// <summary>How many in the tree have a lower risk level than <paramref name="level"/>.</summary>
    private static long Below(long[] tree, int level)
    {
        long sum = 0;
        for (var k = level; k > 0; k -= k & -k)
        {
            sum += tree[k];
        }
        return sum;
    }
}
