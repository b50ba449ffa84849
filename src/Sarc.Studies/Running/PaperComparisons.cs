using Sarc.Data.Analysis;
using Sarc.Statistics.Distributions;

namespace Sarc.Studies.Running;

/// <summary>
/// Reads the quantities of a study's <c>paper:</c> block from its results (<see cref="PaperQuantity"/>): each becomes a
/// <see cref="SeedComparison"/> with Sarc's estimate and 95% interval, or a note saying why it cannot be estimated
/// (the analysis did not run, the data have no such field yet).
/// </summary>
public static class PaperComparisons
{
    /// <summary>The comparisons of <paramref name="study"/>, in definition order.</summary>
    public static IReadOnlyList<SeedComparison> Compute(StudyDefinition study, IReadOnlyList<AnalysisResult> analyses, DataFrame cohort)
    {
        var list = new List<SeedComparison>(study.Paper.Count);
        foreach (var q in study.Paper)
        {
            SeedComparison Missing(string note) => new(study.Id, q.Quantity, q.Value, double.NaN, double.NaN, double.NaN, note);
            if (q.Estimate == "not_estimable")
            {
                list.Add(Missing(q.Reason ?? "not estimable from the registry's data yet"));
                continue;
            }
            if (q.Estimate == "column_median")
            {
                var (m, lo, hi) = Median(AnalysisColumns.NumericWithMissing(cohort, q.Options["column"]));
                list.Add(new SeedComparison(study.Id, q.Quantity, q.Value, m, lo, hi, "median with its distribution-free (binomial) 95% interval"));
                continue;
            }
            var analysis = analyses.First(a => a.Id == q.Analysis);
            if (analysis.Error is { } error)
            {
                list.Add(Missing($"analysis {analysis.Id} did not run: {error}"));
                continue;
            }
            var reading = Read(q, analysis.Payload!);
            var what = $"{q.Estimate}{string.Concat(q.Options.Select(o => $", {o.Key} {o.Value}"))}";
            if (reading is not { } r)
            {
                list.Add(Missing($"analysis {analysis.Id} has no {what}"));
                continue;
            }
            // A median's upper limit is missing when the curve's upper confidence band never falls to one half during the
            // follow-up: the limit lies beyond the follow-up, and the interval is [lower, ∞).
            var openAbove = q.Estimate == "median" && double.IsFinite(r.Estimate) && double.IsFinite(r.Lower) && double.IsNaN(r.Upper);
            list.Add(new SeedComparison(study.Id, q.Quantity, q.Value, r.Estimate, r.Lower, r.Upper,
                double.IsFinite(r.Estimate) && double.IsFinite(r.Lower) && double.IsFinite(r.Upper) ? null
                : openAbove ? $"{what}: upper limit beyond the follow-up (not reached)"
                : $"{what}: not reached or beyond the follow-up (no {(double.IsFinite(r.Estimate) ? "complete interval" : "estimate")})")
            {
                UpperBeyondFollowUp = openAbove,
            });
        }
        return list;
    }

    private static (double Estimate, double Lower, double Upper)? Read(PaperQuantity q, object payload)
    {
        var group = q.Options.GetValueOrDefault("group");
        switch (q.Estimate, payload)
        {
            case ("survival", KmAnalysis km) when Curve(km, group) is { } g:
                var at = km.Curves[g].SummaryAt([double.Parse(q.Options["time"], CultureInfo.InvariantCulture)])[0];
                return (at.Survival, at.Lower, at.Upper);
            case ("median", KmAnalysis km) when Curve(km, group) is { } g:
                var median = km.Curves[g].Median();
                return (median.Estimate, median.Lower, median.Upper);
            case ("odds_ratio", TwoByTwoAnalysisResult table):
                return (table.Result.OddsRatio.Estimate, table.Result.OddsRatio.Lower, table.Result.OddsRatio.Upper);
            case ("rate", RatesAnalysis rates):
                var rate = rates.Rates.FirstOrDefault(r => r.Outcome == q.Options["outcome"] && r.Group == group);
                // Rates are compared in percent, as papers print them.
                return rate is null ? null : (100 * rate.Interval.Estimate, 100 * rate.Interval.Lower, 100 * rate.Interval.Upper);
            case ("hazard_ratio", CoxAnalysis cox):
                var c = cox.Fit.Coefficients.FirstOrDefault(c => c.Term == q.Options["term"]);
                if (c is null)
                {
                    return null;
                }
                var z = Probability.NormalQuantile(1 - (1 - cox.Fit.ConfidenceLevel) / 2);
                var se = c.RobustSe ?? c.Se;
                return (c.HazardRatio, Math.Exp(c.Coef - z * se), Math.Exp(c.Coef + z * se));
            default:
                return null;
        }
    }

    private static int? Curve(KmAnalysis km, string? group)
    {
        if (group is null)
        {
            return km.Curves.Count == 1 ? 0 : null;
        }
        var index = Array.IndexOf(km.Levels, group);
        return index >= 0 ? index : null;
    }

    /// <summary>
    /// The sample median with the distribution-free 95% interval from order statistics: the k-th smallest and largest
    /// values, k the largest with P(Binomial(n, ½) ≤ k − 1) ≤ 0.025.
    /// </summary>
    internal static (double Median, double Lower, double Upper) Median(double[] values)
    {
        var x = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        var n = x.Length;
        if (n == 0)
        {
            return (double.NaN, double.NaN, double.NaN);
        }
        var median = n % 2 == 1 ? x[n / 2] : (x[n / 2 - 1] + x[n / 2]) / 2;
        // Cumulative binomial(n, 1/2) in log space (0.5^n underflows for large n).
        var logPmf = n * Math.Log(0.5);
        var cdf = 0.0;
        var k = 0;
        for (var j = 0; j < n; j++)
        {
            cdf += Math.Exp(logPmf);
            if (cdf > 0.025)
            {
                break;
            }
            k = j + 1;
            logPmf += Math.Log(n - j) - Math.Log(j + 1);
        }
        return k == 0 ? (median, double.NaN, double.NaN) : (median, x[k - 1], x[n - k]);
    }
}
