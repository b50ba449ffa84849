namespace Sarc.Statistics.Prediction;

/// <summary>
/// Time-dependent discrimination and overall accuracy of predicted risks at one time t, exactly as
/// <c>riskRegression::Score(list(model), formula = Surv(time, status) ~ 1, times = t, metrics = c("auc", "brier"),
/// summary = "ipa")</c> (2022.11.28; with <c>cause</c> for competing risks), inverse-probability-of-censoring weighted
/// with the Kaplan-Meier of the censoring (<see cref="CensoringWeights"/>): cases (event by t) weigh 1 / G(Tᵢ−),
/// patients still event-free at t weigh 1 / G(t), competing events by t weigh 1 / G(Tᵢ−), censored before t 0.
/// The formulas are in docs/methods/prediction.md.
/// </summary>
public static class PredictionAccuracy
{
    /// <summary>Scores <paramref name="risk"/> (predicted risk of the event by <paramref name="t"/>, one per patient).</summary>
    /// <exception cref="ArgumentException">Lengths differ, a risk outside [0, 1], or a bad outcome row.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="t"/> NaN or negative.</exception>
    public static PredictionAccuracyResult Compute(PredictionOutcome outcome, ReadOnlySpan<double> risk, double t)
    {
        outcome.Validate(risk.Length, nameof(outcome));
        Preconditions.NonNegative(t, nameof(t));
        foreach (var r in risk)
        {
            if (!(r >= 0 && r <= 1))
            {
                throw new ArgumentException($"Predicted risks must be in [0, 1], found {r}.", nameof(risk));
            }
        }
        var n = outcome.Count;
        var g = CensoringWeights.Fit(outcome);
        var gt = g.At(t);
        // Per patient: case / control weight (riskRegression's ipcwCases, ipcwControls1 + ipcwControls2).
        var caseWeight = new double[n];
        var controlWeight = new double[n];
        var brier = 0.0;
        var nullBrier = 0.0;
        var nullRisk = ObservedRisk.At(outcome, t, mergeNearEqualTimes: false).Risk;
        var cases = 0;
        for (var i = 0; i < n; i++)
        {
            var time = outcome.Time[i];
            var status = outcome.Status[i];
            if (time > t)
            {
                controlWeight[i] = 1 / (gt * n);
                brier += risk[i] * risk[i] / gt;
                nullBrier += nullRisk * nullRisk / gt;
            }
            else if (status == outcome.Cause)
            {
                var gi = g.Before(time);
                caseWeight[i] = 1 / (gi * n);
                brier += (1 - risk[i]) * (1 - risk[i]) / gi;
                nullBrier += (1 - nullRisk) * (1 - nullRisk) / gi;
                cases++;
            }
            else if (status != 0)
            {
                var gi = g.Before(time);
                controlWeight[i] = 1 / (gi * n);
                brier += risk[i] * risk[i] / gi;
                nullBrier += nullRisk * nullRisk / gi;
            }
        }
        brier /= n;
        nullBrier /= n;
        var auc = cases == 0 ? double.NaN : Auc(risk, caseWeight, controlWeight);
        return new PredictionAccuracyResult(t, auc, brier, nullBrier, 1 - brier / nullBrier, nullRisk);
    }

    /// <summary>
    /// The area under the weighted ROC curve by the trapezoid rule over the distinct risks in descending order, as
    /// riskRegression's <c>AireTrap</c> (ties in risk form one step, which counts them one half).
    /// </summary>
    private static double Auc(ReadOnlySpan<double> risk, double[] caseWeight, double[] controlWeight)
    {
        var n = risk.Length;
        var order = new int[n];
        var keys = new double[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
            keys[i] = -risk[i];
        }
        // Stable, as data.table's setorder: ties keep the data order, so the cumulative sums run as R's do.
        Array.Sort(keys, order, Comparer<double>.Create((a, b) => a.CompareTo(b)));
        StableTies(keys, order);
        double totalCases = 0, totalControls = 0;
        for (var i = 0; i < n; i++)
        {
            totalCases += caseWeight[i];
            totalControls += controlWeight[i];
        }
        double cumCases = 0, cumControls = 0, previousTpr = 0, previousFpr = 0, area = 0;
        for (var r = 0; r < n; r++)
        {
            var i = order[r];
            cumCases += caseWeight[i];
            cumControls += controlWeight[i];
            if (r + 1 < n && keys[r + 1] == keys[r])
            {
                continue;
            }
            var tpr = cumCases / totalCases;
            var fpr = cumControls / totalControls;
            area += (fpr - previousFpr) * ((previousTpr + tpr) / 2);
            previousTpr = tpr;
            previousFpr = fpr;
        }
        return area;
    }

    private static void StableTies(double[] keys, int[] order)
    {
        for (var start = 0; start < keys.Length;)
        {
            var end = start + 1;
            while (end < keys.Length && keys[end] == keys[start])
            {
                end++;
            }
            if (end - start > 1)
            {
                Array.Sort(order, start, end - start);
            }
            start = end;
        }
    }
}
