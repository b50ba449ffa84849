using Sarc.Statistics.CompetingRisks;
using Sarc.Statistics.Survival;

namespace Sarc.Statistics.Prediction;

/// <summary>
/// The observed risk of the event by time t in a group of patients with its 95 % interval: 1 − Kaplan-Meier with
/// survfit's log interval (survival), or the Aalen-Johansen cumulative incidence of cmprsk's <c>cuminc</c> with a
/// log(−log) interval on Gray's variance (competing risks).
/// </summary>
/// <param name="Risk">The observed risk at t.</param>
/// <param name="Lower">Lower 95 % limit.</param>
/// <param name="Upper">Upper 95 % limit.</param>
public readonly record struct ObservedRisk(double Risk, double Lower, double Upper)
{
    private static readonly double Z = Distributions.Probability.NormalQuantile(0.975);

    /// <summary>
    /// The observed risk at <paramref name="t"/> among <paramref name="rows"/> of <paramref name="outcome"/> (all rows
    /// when null); near-equal times merged first when <paramref name="mergeNearEqualTimes"/>, as survfit does
    /// (prodlim, riskRegression's null model, does not).
    /// </summary>
    public static ObservedRisk At(PredictionOutcome outcome, double t, IReadOnlyList<int>? rows = null, bool mergeNearEqualTimes = true)
    {
        var selected = rows is null ? outcome : outcome.Select(rows);
        if (selected.Count == 0)
        {
            return new ObservedRisk(double.NaN, double.NaN, double.NaN);
        }
        if (!outcome.CompetingRisks)
        {
            var status = new double[selected.Count];
            for (var i = 0; i < status.Length; i++)
            {
                status[i] = selected.IsEvent(i) ? 1 : 0;
            }
            var curve = new KaplanMeier(new KaplanMeierOptions { MergeNearEqualTimes = mergeNearEqualTimes })
                .Fit(new SurvivalData(selected.Time, status)).Curves[0];
            var s = curve.SummaryAt([t])[0];
            return new ObservedRisk(1 - s.Survival, 1 - s.Upper, 1 - s.Lower);
        }
        var fit = new CumulativeIncidence().Fit(new CompetingRisksData(selected.Time, selected.Status));
        var cause = Array.IndexOf(fit.Causes, outcome.Cause) < 0 ? null : fit.Curve(0, outcome.Cause);
        // After the last follow-up time cuminc's timepoints() gives NA; the curve is carried on, as survfit's extend.
        var time = cause is null ? t : Math.Min(t, cause.MaxTime);
        var estimate = cause?.EstimateAt(time) ?? 0;
        var variance = cause?.VarianceAt(time) ?? 0;
        if (estimate is 0 or 1 || !(variance > 0))
        {
            return new ObservedRisk(estimate, estimate, estimate);
        }
        var se = Math.Sqrt(variance) / (estimate * Math.Abs(Math.Log(estimate)));
        return new ObservedRisk(estimate, Math.Pow(estimate, Math.Exp(Z * se)), Math.Pow(estimate, Math.Exp(-Z * se)));
    }
}
