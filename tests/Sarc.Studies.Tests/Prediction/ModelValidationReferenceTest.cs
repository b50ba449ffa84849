using System.Text.Json;
using Sarc.Statistics.Prediction;
using Sarc.Studies.Prediction;
using Sarc.Testing;
using static Sarc.Studies.Tests.Prediction.ModelsFixture;

namespace Sarc.Studies.Tests.Prediction;

/// <summary>
/// External validation against survival::concordance, riskRegression::Score, coxph/crr slopes, survfit/cuminc
/// deciles and the smooth calibration curve of validation/models.R.
/// </summary>
public class ModelValidationReferenceTest
{
    [Fact]
    public void Validate_CoxOnExternalCohort_MatchesR()
    {
        var expected = Reference("cox_validate");
        var result = ModelValidation.Validate(Cox.Model, Table("models_ext"), Cox.Model.Times);
        AssertNear.Relative(expected.GetProperty("slope"), result.Slope.Estimate, Tolerance.Estimate, "calibration slope");
        AssertNear.Relative(expected.GetProperty("slope_se"), result.Slope.StandardError, Tolerance.Estimate, "slope se");
        var at = expected.GetProperty("at").EnumerateArray().ToArray();
        Assert.Equal(at.Length, result.AtTimes.Count);
        for (var j = 0; j < at.Length; j++)
        {
            var r = result.AtTimes[j];
            AssertNear.Relative(at[j].GetProperty("harrell"), r.Harrell!.Index, Tolerance.Estimate, $"Harrell's C at {r.Time}");
            AssertNear.Relative(at[j].GetProperty("uno"), r.Uno!.Index, Tolerance.Estimate, $"Uno's C at {r.Time}");
            CompareCommon(at[j], r);
        }
    }

    [Fact]
    public void Validate_FineGrayOnExternalCohort_MatchesScoreWithCause()
    {
        var expected = Reference("finegray_validate");
        var result = ModelValidation.Validate(FineGray.Model, Table("models_ext"), FineGray.Model.Times);
        AssertNear.Relative(expected.GetProperty("slope"), result.Slope.Estimate, Tolerance.Estimate, "crr slope");
        AssertNear.Relative(expected.GetProperty("slope_se"), result.Slope.StandardError, Tolerance.Estimate, "crr slope se");
        var at = expected.GetProperty("at").EnumerateArray().ToArray();
        for (var j = 0; j < at.Length; j++)
        {
            Assert.Null(result.AtTimes[j].Harrell);
            CompareCommon(at[j], result.AtTimes[j]);
        }
    }

    private static void CompareCommon(JsonElement expected, ModelValidationAtTime r)
    {
        var t = r.Time;
        AssertNear.Relative(expected.GetProperty("auc"), r.Accuracy.Auc, Tolerance.Estimate, $"AUC at {t}");
        AssertNear.Relative(expected.GetProperty("brier"), r.Accuracy.Brier, Tolerance.Estimate, $"Brier at {t}");
        AssertNear.Relative(expected.GetProperty("brier_null"), r.Accuracy.NullBrier, Tolerance.Estimate, $"null Brier at {t}");
        AssertNear.Relative(expected.GetProperty("ipa"), r.Accuracy.Ipa, Tolerance.Estimate, $"IPA at {t}");
        AssertNear.Relative(expected.GetProperty("observed"), r.InTheLarge.Observed.Risk, Tolerance.Estimate, $"observed at {t}");
        AssertNear.Relative(expected.GetProperty("observed_lower"), r.InTheLarge.Observed.Lower, Tolerance.PValue, $"observed lower at {t}");
        AssertNear.Relative(expected.GetProperty("observed_upper"), r.InTheLarge.Observed.Upper, Tolerance.PValue, $"observed upper at {t}");
        AssertNear.Relative(expected.GetProperty("expected"), r.InTheLarge.Expected, Tolerance.Estimate, $"mean predicted at {t}");
        var groups = expected.GetProperty("deciles").EnumerateArray().ToArray();
        Assert.Equal(groups.Length, r.Groups.Count);
        for (var g = 0; g < groups.Length; g++)
        {
            var e = groups[g];
            var a = r.Groups[g];
            Assert.Equal(e.GetProperty("n").GetInt32(), a.Count);
            Assert.Equal(e.GetProperty("events").GetInt32(), a.Events);
            AssertNear.Relative(e.GetProperty("predicted"), a.Predicted, Tolerance.Estimate, $"decile {g + 1} predicted at {t}");
            AssertNear.Relative(e.GetProperty("observed"), a.Observed.Risk, Tolerance.Estimate, $"decile {g + 1} observed at {t}");
            AssertNear.Relative(e.GetProperty("lower"), a.Observed.Lower, Tolerance.PValue, $"decile {g + 1} lower at {t}");
            AssertNear.Relative(e.GetProperty("upper"), a.Observed.Upper, Tolerance.PValue, $"decile {g + 1} upper at {t}");
        }
        Assert.NotNull(r.Smooth);
        Compare(expected.GetProperty("smooth_knots"), r.Smooth.Knots, Tolerance.Estimate, $"smooth knots at {t}");
        Compare(expected.GetProperty("smooth_risk"), r.Smooth.Predicted, Tolerance.Estimate, $"smooth grid at {t}");
        Compare(expected.GetProperty("smooth_observed"), r.Smooth.Observed, Tolerance.Estimate, $"smooth observed at {t}");
    }
}
