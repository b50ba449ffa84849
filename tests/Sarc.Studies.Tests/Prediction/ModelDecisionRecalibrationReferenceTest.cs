using System.Text.Json;
using Sarc.Statistics.Prediction;
using Sarc.Studies.Prediction;
using Sarc.Testing;
using static Sarc.Studies.Tests.Prediction.ModelsFixture;

namespace Sarc.Studies.Tests.Prediction;

/// <summary>Decision curves and recalibration against the R script's survfit/cuminc and coxph/crr computations.</summary>
public class ModelDecisionRecalibrationReferenceTest
{
    [Theory]
    [InlineData("cox")]
    [InlineData("finegray")]
    public void DecisionCurve_ExternalCohort_MatchesNetBenefitFromR(string kind)
    {
        var expected = Reference("decision").GetProperty(kind);
        var model = kind == "cox" ? Cox.Model : FineGray.Model;
        var data = ModelOutcome.Read(model, Table("models_ext"));
        var time = expected.GetProperty("time").GetDouble();
        var curve = DecisionCurve.Compute(data.Outcome, data.Risk(model, time), time);
        Compare(Reference("decision").GetProperty("thresholds"), curve.Points.Select(p => p.Threshold).ToArray(), 0, "thresholds");
        AssertNear.Relative(expected.GetProperty("observed_all"), curve.ObservedRisk, Tolerance.Estimate, "observed risk");
        Compare(expected.GetProperty("net_benefit"), curve.Points.Select(p => p.NetBenefit).ToArray(), Tolerance.Estimate, "net benefit");
        Compare(expected.GetProperty("treat_all"), curve.Points.Select(p => p.TreatAll).ToArray(), Tolerance.Estimate, "treat all");
    }

    [Theory]
    [InlineData("cox", RecalibrationMethod.Intercept)]
    [InlineData("cox", RecalibrationMethod.Slope)]
    [InlineData("finegray", RecalibrationMethod.Intercept)]
    [InlineData("finegray", RecalibrationMethod.Slope)]
    public void Recalibrate_ExternalCohort_MatchesOffsetAndSlopeFits(string kind, RecalibrationMethod method)
    {
        var expected = Reference("recalibrate").GetProperty(kind).GetProperty(method == RecalibrationMethod.Intercept ? "intercept" : "slope");
        var model = kind == "cox" ? Cox.Model : FineGray.Model;
        var recalibrated = Recalibration.Recalibrate(model, Table("models_ext"), method, model.Times);
        var baseline = expected.GetProperty(kind == "cox" ? "baseline_cumhaz" : "baseline_cumsubhaz");
        Compare(baseline, recalibrated.Baseline.Select(b => b.CumulativeHazard).ToArray(), Tolerance.Estimate, "baseline");
        var slope = method == RecalibrationMethod.Slope ? expected.GetProperty("slope").GetDouble() : 1;
        AssertNear.Relative(slope, recalibrated.Recalibrated!.Slope, Tolerance.Estimate, "slope");
        for (var k = 0; k < model.Coefficients.Count; k++)
        {
            AssertNear.Relative(model.Coefficients[k].Estimate * recalibrated.Recalibrated.Slope, recalibrated.Coefficients[k].Estimate, 1e-12, $"coefficient {k} x slope");
        }
    }

    [Fact]
    public void Recalibrate_Intercept_OnTheFittingData_LeavesTheBaselineAsFitted()
    {
        // The offset fit on the data the model was fitted on is the model's own baseline (survfit's, at lp = 0).
        var recalibrated = Recalibration.Recalibrate(Cox.Model, Table("models_dev"), RecalibrationMethod.Intercept, Cox.Model.Times);
        for (var j = 0; j < Cox.Model.Baseline.Count; j++)
        {
            AssertNear.Relative(Cox.Model.Baseline[j].CumulativeHazard, recalibrated.Baseline[j].CumulativeHazard, 1e-12, "baseline");
        }
    }
}
