namespace Sarc.Statistics.Prediction;

/// <summary>
/// Decision curve analysis for a time-to-event outcome (Vickers, Cronin, Elkin, Gonen 2008): at each threshold
/// probability p_t the net benefit of treating the patients whose predicted risk exceeds p_t is
/// <c>r · f − (1 − r) · f · p_t / (1 − p_t)</c>, f the fraction above the threshold and r the observed risk at t
/// among them (1 − Kaplan-Meier, or the Aalen-Johansen incidence for competing risks); treating everyone uses r of
/// all patients and f = 1; treating no one is 0. A threshold that no patient exceeds has net benefit 0.
/// </summary>
public static class DecisionCurve
{
    /// <summary>The thresholds 1 %, 2 %, …, 99 %.</summary>
    public static IReadOnlyList<double> DefaultThresholds { get; } = Enumerable.Range(1, 99).Select(i => i / 100.0).ToArray();

    /// <summary>Net benefit of <paramref name="risk"/> (predicted risk by <paramref name="t"/>) at each threshold.</summary>
    /// <exception cref="ArgumentException">Lengths differ, a threshold outside (0, 1), or a bad outcome row.</exception>
    public static DecisionCurveResult Compute(PredictionOutcome outcome, ReadOnlySpan<double> risk, double t, IReadOnlyList<double>? thresholds = null)
    {
        outcome.Validate(risk.Length, nameof(outcome));
        Preconditions.NonNegative(t, nameof(t));
        thresholds ??= DefaultThresholds;
        var n = risk.Length;
        var overall = ObservedRisk.At(outcome, t).Risk;
        var points = new List<DecisionCurvePoint>(thresholds.Count);
        var above = new List<int>(n);
        foreach (var pt in thresholds)
        {
            Preconditions.InOpenRange(pt, 0, 1, nameof(thresholds));
            above.Clear();
            for (var i = 0; i < n; i++)
            {
                if (risk[i] > pt)
                {
                    above.Add(i);
                }
            }
            var odds = pt / (1 - pt);
            var fraction = (double)above.Count / n;
            var netBenefit = 0.0;
            if (above.Count > 0)
            {
                var observed = ObservedRisk.At(outcome, t, above).Risk;
                netBenefit = observed * fraction - (1 - observed) * fraction * odds;
            }
            points.Add(new DecisionCurvePoint(pt, netBenefit, overall - (1 - overall) * odds, fraction));
        }
        return new DecisionCurveResult(t, overall, points);
    }
}
