using Sarc.Statistics.CompetingRisks;
using Sarc.Statistics.Survival;

namespace Sarc.Statistics.Prediction;

/// <summary>
/// A smooth calibration curve at time t, as Austin, Harrell and van Klaveren (2020) draw it: the outcome is regressed
/// on a restricted cubic spline with 3 knots (Harrell's default places) of the complementary log-log of the
/// predicted risk, log(−log(1 − risk)), by Cox regression (Efron) for survival or Fine-Gray for competing risks, and
/// the risk that model predicts at t is the observed risk for a predicted one. The curve is read at 50 points from
/// the 1st to the 99th percentile of the predictions (R's type-7 quantiles).
/// </summary>
public static class SmoothCalibration
{
    /// <summary>The curve, or null when it cannot be drawn (a prediction of exactly 0 or 1, too few distinct predictions, no event).</summary>
    public static SmoothCalibrationCurve? Fit(PredictionOutcome outcome, ReadOnlySpan<double> risk, double t, int points = 50)
    {
        outcome.Validate(risk.Length, nameof(outcome));
        var n = risk.Length;
        var x = new double[n];
        for (var i = 0; i < n; i++)
        {
            if (!(risk[i] > 0 && risk[i] < 1))
            {
                return null;
            }
            x[i] = LogMinusLog(risk[i]);
        }
        var placement = RestrictedCubicSpline.DefaultKnots(x, 3);
        if (placement.Knots is not { } knots)
        {
            return null;
        }
        var basis = Design(x, knots);
        var sorted = risk.ToArray();
        Array.Sort(sorted);
        var grid = RestrictedCubicSpline.Sequence(
            RestrictedCubicSpline.Quantile7(sorted, 0.01), RestrictedCubicSpline.Quantile7(sorted, 0.99), points);
        var gridBasis = Design(grid.Select(LogMinusLog).ToArray(), knots);
        var observed = new double[grid.Length];
        try
        {
            if (outcome.CompetingRisks)
            {
                var fit = new FineGray().Fit(new FineGrayData(outcome.Time, outcome.Status, outcome.Cause, basis, ["x", "x'"]));
                var beta = fit.Beta;
                var baseline = FineGrayBaseline.CumulativeSubdistributionHazard(outcome.Time, outcome.Status, outcome.Cause, basis, beta, [t])[0];
                for (var k = 0; k < grid.Length; k++)
                {
                    var lp = gridBasis[0][k] * beta[0] + gridBasis[1][k] * beta[1];
                    observed[k] = 1 - Math.Exp(-baseline * Math.Exp(lp));
                }
            }
            else
            {
                var status = outcome.EventIndicator();
                var fit = new CoxRegression().Fit(CoxData.Simple(outcome.Time, status, basis, ["x", "x'"]));
                var beta = fit.Coefficients.Select(c => c.Coef).ToArray();
                var centre = CoxCentring.Centre(CoxCentring.Means(basis), beta);
                var lp = CoxCentring.LinearPredictor(basis, beta, centre);
                var baseline = CoxBaseline.CumulativeHazard(outcome.Time, status, lp, CoxTies.Efron, [t])[0];
                for (var k = 0; k < grid.Length; k++)
                {
                    observed[k] = 1 - Math.Exp(-baseline * Math.Exp(gridBasis[0][k] * beta[0] + gridBasis[1][k] * beta[1] - centre));
                }
            }
        }
        catch (ArgumentException)
        {
            // No event of the cause, or a constant basis: no curve to draw.
            return null;
        }
        return new SmoothCalibrationCurve(t, knots, grid, observed);
    }

    private static double LogMinusLog(double risk) => Math.Log(-Math.Log(1 - risk));

    private static double[][] Design(double[] x, double[] knots)
    {
        var columns = new[] { new double[x.Length], new double[x.Length] };
        Span<double> row = stackalloc double[2];
        for (var i = 0; i < x.Length; i++)
        {
            RestrictedCubicSpline.Basis(x[i], knots, row);
            columns[0][i] = row[0];
            columns[1][i] = row[1];
        }
        return columns;
    }
}
