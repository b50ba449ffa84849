using Sarc.Statistics;
using System.Text.Json;
using Sarc.Statistics.Survival;
using Sarc.Testing;

namespace Sarc.Statistics.Tests.Survival;

/// <summary>Every number of coxph, summary(coxph) and cox.zph against validation/cox.R on the committed data.</summary>
public class CoxRegressionReferenceTest
{
    // Why each case exists: efron/breslow = tied month times under both approximations, factors with several levels,
    // missing values; strata = separate baselines; interaction = a*b and a numeric:factor term without its factor
    // margin (full dummy coding); single = one covariate; counting = Surv(start, stop, event) with a time-dependent
    // covariate and cluster(); cluster_right = robust SE on right-censored data; separation = monotone likelihood.
    [Theory]
    [InlineData("efron", false)]
    [InlineData("breslow", false)]
    [InlineData("strata", false)]
    [InlineData("interaction", false)]
    [InlineData("single", false)]
    [InlineData("counting", false)]
    [InlineData("counting_breslow", false)]
    [InlineData("cluster_right", false)]
    [InlineData("efron", true)]
    [InlineData("counting", true)]
    [InlineData("strata", true)]
    public void Fit_ValidationModel_MatchesRCoxph(string model, bool referenceImplementation)
    {
        var expected = CoxFixture.Reference(model);
        var (data, frame) = CoxFixture.Load(expected.GetProperty("data").GetString()!, expected.GetProperty("formula").GetString()!);
        var ties = expected.GetProperty("ties").GetString() == "breslow" ? CoxTies.Breslow : CoxTies.Efron;
        var hasZph = expected.TryGetProperty("zph", out var zph);
        var fit = new CoxRegression(new CoxOptions
        {
            Ties = ties,
            ProportionalHazardsTest = hasZph,
            UseReferenceImplementation = referenceImplementation,
        }).Fit(data);

        Assert.Equal(expected.GetProperty("n").GetInt32(), fit.N);
        Assert.Equal(expected.GetProperty("events").GetInt32(), fit.Events);
        Assert.Equal(expected.GetProperty("n_excluded").GetInt32(), frame.Excluded);
        Assert.Equal(CoxFixture.Strings(expected.GetProperty("terms")), fit.Coefficients.Select(c => c.Term).ToArray());
        Compare(expected, "coef", fit.Coefficients.Select(c => c.Coef), Tolerance.Estimate);
        Compare(expected, "se", fit.Coefficients.Select(c => c.Se), Tolerance.Estimate);
        if (expected.TryGetProperty("robust_se", out var robust) && robust.ValueKind != JsonValueKind.Object)
        {
            Compare(expected, "robust_se", fit.Coefficients.Select(c => c.RobustSe!.Value), Tolerance.Estimate);
        }
        else
        {
            Assert.All(fit.Coefficients, c => Assert.Null(c.RobustSe));
        }
        Compare(expected, "z", fit.Coefficients.Select(c => c.Z), Tolerance.PValue);
        Compare(expected, "p", fit.Coefficients.Select(c => c.P), Tolerance.PValue);
        Compare(expected, "hr_lower", fit.Coefficients.Select(c => c.HazardRatioLower), Tolerance.PValue);
        Compare(expected, "hr_upper", fit.Coefficients.Select(c => c.HazardRatioUpper), Tolerance.PValue);
        var loglik = Fixture.Numbers(expected.GetProperty("loglik"));
        AssertNear.Relative(loglik[0], fit.LogLikelihoodNull, Tolerance.Estimate, "loglik null");
        AssertNear.Relative(loglik[1], fit.LogLikelihood, Tolerance.Estimate, "loglik");
        CompareTest(expected.GetProperty("lr_test"), fit.LikelihoodRatioTest, "lr_test");
        CompareTest(expected.GetProperty("wald_test"), fit.WaldTest, "wald_test");
        CompareTest(expected.GetProperty("score_test"), fit.ScoreTest, "score_test");
        AssertNear.Relative(expected.GetProperty("concordance"), fit.Concordance, Tolerance.PValue, "concordance");
        Assert.True(fit.Converged);
        Assert.Empty(fit.Warnings);

        if (hasZph)
        {
            Assert.NotNull(fit.PhTest);
            Assert.Equal(CoxFixture.Strings(zph.GetProperty("terms")), fit.PhTest.Terms.Select(t => t.Term).ToArray());
            Compare(zph, "chisq", fit.PhTest.Terms.Select(t => t.ChiSquare), Tolerance.PValue);
            Compare(zph, "df", fit.PhTest.Terms.Select(t => (double)t.DegreesOfFreedom), 0);
            Compare(zph, "p", fit.PhTest.Terms.Select(t => t.P), Tolerance.PValue);
            CompareTest(zph.GetProperty("global"), fit.PhTest.Global, "zph global");
        }
    }

    [Fact]
    public void Fit_PerfectSeparator_WarnsOfInfiniteCoefficientLikeR()
    {
        var expected = CoxFixture.Reference("separation");
        var (data, _) = CoxFixture.Load("cox_separation", expected.GetProperty("formula").GetString()!);
        var fit = new CoxRegression().Fit(data);

        Assert.Contains("may be infinite", CoxFixture.Strings(expected.GetProperty("warnings"))[0], StringComparison.Ordinal);
        var warning = Assert.Single(fit.Warnings);
        Assert.Contains("marker", warning, StringComparison.Ordinal);
        Assert.Contains("infinite", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("age", warning, StringComparison.Ordinal);
        // The estimate itself is wherever the iterations stopped; what must match R is the loglik and the LR test.
        var loglik = Fixture.Numbers(expected.GetProperty("loglik"));
        AssertNear.Relative(loglik[1], fit.LogLikelihood, Tolerance.Estimate, "loglik");
        CompareTest(expected.GetProperty("lr_test"), fit.LikelihoodRatioTest, "lr_test");
        Assert.Equal(expected.GetProperty("iterations").GetInt32(), fit.Iterations);
        AssertNear.Relative(Fixture.Numbers(expected.GetProperty("coef"))[0], fit.Coefficients[0].Coef, 1e-6, "marker coef");
    }

    private static void Compare(JsonElement expected, string name, IEnumerable<double> actual, double tolerance)
    {
        var values = Fixture.Numbers(expected.GetProperty(name));
        var got = actual.ToArray();
        Assert.Equal(values.Length, got.Length);
        for (var i = 0; i < values.Length; i++)
        {
            AssertNear.Relative(values[i], got[i], tolerance, $"{name}[{i}]");
        }
    }

    private static void CompareTest(JsonElement expected, ChiSquareTest actual, string what)
    {
        AssertNear.Relative(expected.GetProperty("chisq"), actual.ChiSquare, Tolerance.PValue, what + " chisq");
        Assert.Equal(expected.GetProperty("df").GetInt32(), actual.DegreesOfFreedom);
        AssertNear.Relative(expected.GetProperty("p"), actual.P, Tolerance.PValue, what + " p");
    }
}
