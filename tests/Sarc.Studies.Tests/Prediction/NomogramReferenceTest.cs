using Sarc.Studies.Prediction;
using Sarc.Testing;
using static Sarc.Studies.Tests.Prediction.ModelsFixture;

namespace Sarc.Studies.Tests.Prediction;

/// <summary>The nomogram's points against rms::nomogram on the same Cox model (validation/models.R).</summary>
public class NomogramReferenceTest
{
    [Fact]
    public void Layout_CoxWithSplines_MatchesRmsNomogramPoints()
    {
        var expected = Reference("nomogram");
        var scale = NomogramLayout.Of(Cox.Model);
        AssertNear.Relative(expected.GetProperty("scale"), scale.Scale, Tolerance.Estimate, "points per unit lp");
        // rms centres cph's lp at every column mean; Sarc (as coxph) leaves 0/1 columns uncentred: the same points.
        var shift = expected.GetProperty("cph_center").GetDouble() - Cox.Model.Centring;
        AssertNear.Relative(expected.GetProperty("intercept").GetDouble() + shift, scale.Intercept, Tolerance.Estimate, "intercept");
        foreach (var (name, index) in new[] { ("age", 0), ("size_cm", 1), ("grade", 2), ("histology", 3) })
        {
            var axis = expected.GetProperty("variables").GetProperty(name);
            Assert.Equal(axis.GetProperty("values").EnumerateArray().Select(v => v.ValueKind == System.Text.Json.JsonValueKind.Number ? v.GetDouble().ToString("G6", System.Globalization.CultureInfo.InvariantCulture) : v.GetString()!),
                scale.Axes[index].Labels);
            Compare(axis.GetProperty("points"), scale.Axes[index].Points, Tolerance.Estimate, $"{name} points");
        }
        // The lp axis is labelled on Sarc's (coxph's) centring; rms given the same ticks on its scale draws the same
        // linear-predictor and total-points axes.
        Compare(expected.GetProperty("sarc_lp_at"), scale.LinearPredictor, 1e-12, "lp axis ticks");
        Compare(expected.GetProperty("sarc_lp_points"), scale.LinearPredictorPoints, Tolerance.Estimate, "lp axis positions");
        Compare(expected.GetProperty("sarc_total_points"), scale.TotalPoints, 1e-12, "total points axis");
        var survival = scale.Outcomes.Single(o => o.Time == 60);
        Compare(expected.GetProperty("sarc_survival_at"), survival.Probabilities, 0, "survival ticks on Sarc's lp axis");
        // The ticks R shows on its own lp axis sit where Sarc puts them; R places them by linear interpolation on a
        // 1000-point grid, exactly inverted they agree to 1e-6.
        var shared = Fixture.Numbers(expected.GetProperty("survival_at"));
        var positions = shared.Select(s => survival.Points[Array.IndexOf(survival.Probabilities, s)]).ToArray();
        Compare(expected.GetProperty("survival_points_exact"), positions, Tolerance.Estimate, "survival tick positions");
        Compare(expected.GetProperty("survival_points"), positions, 1e-5, "survival tick positions (R's approx)");
    }
}
