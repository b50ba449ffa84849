using Sarc.Studies.Prediction;
using Sarc.Testing;
using static Sarc.Studies.Tests.Prediction.ModelsFixture;

namespace Sarc.Studies.Tests.Prediction;

/// <summary>Fitting and applying prediction models against coxph/cph, survfit, crr and predict.crr (validation/models.R).</summary>
public class ModelFittingReferenceTest
{
    [Fact]
    public void Fit_CoxWithSplines_MatchesCoxphOnRmsBasis()
    {
        var expected = Reference("cox");
        var model = Cox.Model;
        Compare(expected.GetProperty("coef"), model.Coefficients.Select(c => c.Estimate).ToArray(), Tolerance.Estimate, "coef");
        Compare(expected.GetProperty("se"), model.Coefficients.Select(c => c.StandardError!.Value).ToArray(), Tolerance.Estimate, "se");
        // Knots from every non-missing age, rows dropped for a missing grade included, as model.frame evaluates rcs().
        Compare(expected.GetProperty("knots").GetProperty("age"), model.Variable("age").Knots!, Tolerance.Estimate, "age knots");
        Compare(expected.GetProperty("knots").GetProperty("size_cm"), model.Variable("size_cm").Knots!, Tolerance.Estimate, "size knots");
        AssertNear.Relative(expected.GetProperty("centre"), model.Centring, Tolerance.Estimate, "centring (coxph's means)");
        Compare(expected.GetProperty("baseline_cumhaz"), model.Baseline.Select(b => b.CumulativeHazard).ToArray(), Tolerance.Estimate, "survfit cumhaz");
        Compare(expected.GetProperty("lp_range"), [model.LinearPredictorRange!.Value.Low, model.LinearPredictorRange.Value.High], Tolerance.Estimate, "lp range");
        Assert.Equal(expected.GetProperty("n").GetInt32(), model.FittedOn!.Count);
        Assert.Equal(expected.GetProperty("events").GetInt32(), model.FittedOn.Events);
        Assert.Equal(expected.GetProperty("n_excluded").GetInt32(), model.FittedOn.Excluded);
        Assert.Equal(["age", "age'", "age''", "size_cm", "size_cm'", "factor(grade)2", "factor(grade)3", "histologyLPS", "histologyMPNST", "histologySS", "histologyUPS"],
            model.Coefficients.Select(c => c.Name));
    }

    [Fact]
    public void Apply_CoxOnExternalCohort_MatchesPredictAndSurvfitNewdata()
    {
        var expected = Reference("cox_apply");
        var predictions = ModelPredictions.Of(Cox.Model, Table("models_ext"));
        Compare(expected.GetProperty("lp"), predictions.Evaluation.LinearPredictor, Tolerance.Estimate, "predict(type = \"lp\")");
        var surv = expected.GetProperty("surv").EnumerateArray().ToArray();
        for (var j = 0; j < surv.Length; j++)
        {
            Compare(surv[j], predictions.Values[j], Tolerance.Estimate, $"survfit(newdata) at {Cox.Model.Times[j]}");
        }
    }

    [Fact]
    public void Fit_FineGrayWithSplines_MatchesCrr()
    {
        var expected = Reference("finegray");
        var model = FineGray.Model;
        Compare(expected.GetProperty("coef"), model.Coefficients.Select(c => c.Estimate).ToArray(), Tolerance.Estimate, "crr coef");
        Compare(expected.GetProperty("baseline_cumsubhaz"), model.Baseline.Select(b => b.CumulativeHazard).ToArray(), Tolerance.Estimate, "cumsum(bfitj)");
        Assert.Equal(0, model.Centring);
        // Spline bases have large columns: the fit is at crr's optimum although the tight tolerance is out of reach.
        Assert.Empty(FineGray.Warnings);
        Assert.Equal(expected.GetProperty("n").GetInt32(), model.FittedOn!.Count);
        Assert.Equal(expected.GetProperty("events").GetInt32(), model.FittedOn.Events);
    }

    [Fact]
    public void Apply_FineGrayOnExternalCohort_MatchesPredictCrr()
    {
        var expected = Reference("finegray_apply");
        var predictions = ModelPredictions.Of(FineGray.Model, Table("models_ext"));
        Compare(expected.GetProperty("lp"), predictions.Evaluation.LinearPredictor, Tolerance.Estimate, "x beta");
        var cif = expected.GetProperty("cif").EnumerateArray().ToArray();
        for (var j = 0; j < cif.Length; j++)
        {
            Compare(cif[j], predictions.Values[j], Tolerance.Estimate, $"predict.crr at {FineGray.Model.Times[j]}");
        }
    }
}
