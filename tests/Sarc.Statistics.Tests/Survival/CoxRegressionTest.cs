using Sarc.Statistics.Survival;
using Sarc.Testing;

namespace Sarc.Statistics.Tests.Survival;

/// <summary>Hand-computable cases, the fast kernel against the plain one, and invariances of the Cox fit.</summary>
public class CoxRegressionTest
{
    // Times 1, 2, 2, 3 with events at 1, 2, 2: at t=1 four at risk, at t=2 three at risk with two tied deaths.
    private static readonly double[] TinyTime = [2, 1, 3, 2];
    private static readonly double[] TinyStatus = [1, 1, 0, 1];
    private static readonly double[] TinyX = [1, 0, 1, 0];

    [Fact]
    public void Fit_TiedDeathsAtBetaZero_LoglikIsEfronsHandValue()
    {
        var fit = new CoxRegression().Fit(CoxData.Simple(TinyTime, TinyStatus, [TinyX], ["x"]));
        // Efron: -log 4 at t=1; at t=2 the two deaths see 3 and then 3 - 1 = 2.
        AssertNear.Relative(-Math.Log(4) - Math.Log(3) - Math.Log(2), fit.LogLikelihoodNull, 1e-14, "loglik null");
    }

    [Fact]
    public void Fit_TiedDeathsAtBetaZero_LoglikIsBreslowsHandValue()
    {
        var fit = new CoxRegression(new CoxOptions { Ties = CoxTies.Breslow })
            .Fit(CoxData.Simple(TinyTime, TinyStatus, [TinyX], ["x"]));
        AssertNear.Relative(-Math.Log(4) - 2 * Math.Log(3), fit.LogLikelihoodNull, 1e-14, "loglik null");
    }

    [Fact]
    public void Fit_NoTies_ScoreTestAtZeroIsTheHandComputedLogRank()
    {
        // Times 1..4 all events, x = 1, 0, 1, 0. Score U = sum over deaths of (x - mean at risk):
        // t=1: 1 - 2/4; t=2: 0 - 1/3; t=3: 1 - 1/2; t=4: 0 - 0 = 0.5 - 1/3 + 0.5 = 2/3.
        // Information = sum of at-risk variances: 1/4 + 2/9 + 1/4 + 0 = 13/18. Score test = U² / I = (4/9) / (13/18) = 8/13.
        var fit = new CoxRegression().Fit(CoxData.Simple([1, 2, 3, 4], [1, 1, 1, 1], [[1, 0, 1, 0]], ["x"]));
        AssertNear.Relative(8.0 / 13.0, fit.ScoreTest.ChiSquare, 1e-13, "score test");
    }

    [Theory]
    [InlineData(false, false, CoxTies.Efron)]
    [InlineData(true, false, CoxTies.Efron)]
    [InlineData(false, true, CoxTies.Efron)]
    [InlineData(true, true, CoxTies.Breslow)]
    [InlineData(true, true, CoxTies.Efron)]
    public void SweepKernel_RandomTiedData_EqualsReferenceKernel(bool strata, bool counting, CoxTies ties)
    {
        var data = CoxFixture.Random(400, 11, strata, counting);
        var prepared = new CoxPrepared(data, timeFix: true);
        var fast = new CoxSweepKernel(prepared, ties);
        var plain = new CoxReferenceKernel(prepared, ties);
        double[] beta = [0.3, -0.2, 0.5];
        var u1 = new double[3];
        var u2 = new double[3];
        var i1 = new double[3, 3];
        var i2 = new double[3, 3];
        var l1 = fast.Evaluate(beta, u1, i1);
        var l2 = plain.Evaluate(beta, u2, i2);
        AssertNear.Relative(l2, l1, 1e-12, "loglik");
        for (var j = 0; j < 3; j++)
        {
            AssertNear.Relative(u2[j], u1[j], 1e-10, $"score {j}");
            for (var k = 0; k < 3; k++)
            {
                AssertNear.Relative(i2[j, k], i1[j, k], 1e-10, $"information {j},{k}");
            }
        }
    }

    [Theory]
    // More rows than one chunk of the weighted cross-products (several chunks, the last one short); per event time
    // (the default for tied times) and per row.
    [InlineData(50_000, false, CoxTies.Efron, true)]
    [InlineData(50_000, true, CoxTies.Efron, true)]
    [InlineData(50_000, false, CoxTies.Breslow, true)]
    [InlineData(200, true, CoxTies.Breslow, true)]
    [InlineData(50_000, true, CoxTies.Efron, false)]
    [InlineData(50_000, false, CoxTies.Breslow, false)]
    [InlineData(200, true, CoxTies.Efron, false)]
    public void Evaluate_RowWeights_EqualsTheSequentialSweepAndRepeatsBitForBit(int n, bool strata, CoxTies ties, bool perEvent)
    {
        var data = CoxFixture.Random(n, 31, strata, counting: false);
        var prepared = new CoxPrepared(data, timeFix: true);
        var fast = new CoxSweepKernel(prepared, ties) { EvaluatePath = perEvent ? CoxSweepKernel.Path.Events : CoxSweepKernel.Path.RowWeights };
        var plain = new CoxSweepKernel(prepared, ties) { EvaluatePath = CoxSweepKernel.Path.Sequential };
        double[] beta = [0.4, 0.1, -0.3];
        var (l1, u1, i1) = Evaluate(fast, beta);
        var (l2, u2, i2) = Evaluate(plain, beta);
        AssertNear.Relative(l2, l1, 1e-13, "loglik");
        for (var j = 0; j < 3; j++)
        {
            AssertNear.Relative(u2[j], u1[j], 1e-11, $"score {j}");
            for (var k = 0; k < 3; k++)
            {
                AssertNear.Relative(i2[j, k], i1[j, k], 1e-11, $"information {j},{k}");
            }
        }
        // Parallel chunks added in a fixed order: the same bits every time.
        for (var repeat = 0; repeat < 3; repeat++)
        {
            var (l3, u3, i3) = Evaluate(fast, beta);
            Assert.Equal(l1, l3);
            Assert.Equal(u1, u3);
            Assert.Equal(i1, i3);
        }
    }

    [Theory]
    [InlineData(CoxTies.Efron)]
    [InlineData(CoxTies.Breslow)]
    public void Evaluate_RowWeights_EdgeCasesEqualTheSequentialSweep(CoxTies ties)
    {
        // All deaths at one time; one death among censored rows with censored rows tied to it; censored rows after
        // the last event time and before the first one.
        double[][] stops = [[5, 5, 5, 5], [1, 2, 2, 2, 3, 4], [1, 3, 3, 3, 7, 9]];
        double[][] statuses = [[1, 1, 1, 1], [0, 1, 0, 0, 0, 0], [0, 1, 1, 0, 0, 1]];
        for (var c = 0; c < stops.Length; c++)
        {
            var n = stops[c].Length;
            double[][] x = [Enumerable.Range(0, n).Select(i => 0.3 * i - 0.5).ToArray(), Enumerable.Range(0, n).Select(i => (double)(i % 2)).ToArray()];
            var data = new CoxData(null, stops[c], statuses[c], x, ["a", "b"], ["a", "b"], [0, 1]);
            var prepared = new CoxPrepared(data, timeFix: true);
            double[] beta = [0.7, -0.4];
            var (l2, u2, i2) = Evaluate(new CoxSweepKernel(prepared, ties) { EvaluatePath = CoxSweepKernel.Path.Sequential }, beta);
            foreach (var path in new[] { CoxSweepKernel.Path.Events, CoxSweepKernel.Path.RowWeights })
            {
                var (l1, u1, i1) = Evaluate(new CoxSweepKernel(prepared, ties) { EvaluatePath = path }, beta);
                AssertNear.Relative(l2, l1, 1e-13, $"case {c} loglik");
                for (var j = 0; j < 2; j++)
                {
                    AssertNear.Relative(u2[j], u1[j], 1e-12, $"case {c} score {j}");
                    for (var k = 0; k < 2; k++)
                    {
                        AssertNear.Relative(i2[j, k], i1[j, k], 1e-12, $"case {c} information {j},{k}");
                    }
                }
            }
        }
    }

    private static (double Loglik, double[] Score, double[,] Information) Evaluate(CoxSweepKernel kernel, double[] beta)
    {
        var score = new double[beta.Length];
        var information = new double[beta.Length, beta.Length];
        var loglik = kernel.Evaluate(beta, score, information);
        return (loglik, score, information);
    }

    [Theory]
    [InlineData(false, false, CoxTies.Efron)]
    [InlineData(true, false, CoxTies.Efron)]
    [InlineData(false, true, CoxTies.Breslow)]
    [InlineData(true, true, CoxTies.Efron)]
    public void Fit_ReusableCovariates_SameDoublesAsWithACopy(bool strata, bool counting, CoxTies ties)
    {
        var data = CoxFixture.Random(400, 29, strata, counting);
        // Censored rows before the first event: never at risk at an event time, so the kernel drops them, and their
        // linear predictors must still come out right.
        var stop = data.Stop.ToArray();
        var status = data.Status.ToArray();
        var first = Enumerable.Range(0, stop.Length).Where(i => status[i] == 1).Min(i => stop[i]);
        for (var i = 0; i < 5; i++)
        {
            status[i] = 0;
            stop[i] = first / 2;
        }
        var start = data.Start is null ? null : data.Start.Select((s, i) => i < 5 ? Math.Min(s, first / 4) : s).ToArray();
        var options = new CoxOptions { Ties = ties, ProportionalHazardsTest = true };
        var copied = new CoxData(start, stop, status, data.Covariates, data.CovariateNames, data.TermNames, data.Assign, data.Strata);
        var reusable = copied with { Covariates = data.Covariates.Select(c => c.ToArray()).ToArray(), CovariatesReusable = true };
        var a = new CoxRegression(options).Fit(copied);
        var b = new CoxRegression(options).Fit(reusable);
        Assert.Equal(a.Coefficients, b.Coefficients);
        Assert.Equal(a.LogLikelihood, b.LogLikelihood);
        Assert.Equal(a.ScoreTest, b.ScoreTest);
        Assert.Equal(a.Concordance, b.Concordance);
        Assert.Equal(a.LinearPredictors, b.LinearPredictors);
        Assert.Equal(a.PhTest!.Global, b.PhTest!.Global);
        // The arrays were taken over (the values are the kernel's now), and the copied fit's input is untouched.
        Assert.NotEqual(data.Covariates[0], reusable.Covariates[0]);
        Assert.Equal(copied.Covariates[0], data.Covariates[0]);
    }

    [Fact]
    public void Fit_ReusableCovariatesThatAreAlsoTheTime_AreLeftAlone()
    {
        var data = CoxFixture.Random(100, 31, strata: false, counting: false);
        var time = data.Stop.ToArray();
        var withTime = data with
        {
            Stop = time,
            Covariates = [.. data.Covariates, time],
            CovariateNames = [.. data.CovariateNames, "time"],
            TermNames = [.. data.TermNames, "time"],
            Assign = [.. data.Assign, data.TermNames.Length],
        };
        var plain = new CoxRegression().Fit(withTime);
        var reused = new CoxRegression().Fit(withTime with { CovariatesReusable = true });
        Assert.Equal(data.Stop, time);
        Assert.Equal(plain.Coefficients, reused.Coefficients);
    }

    [Theory]
    [InlineData(false, false, CoxTies.Efron)]
    [InlineData(true, true, CoxTies.Efron)]
    [InlineData(true, true, CoxTies.Breslow)]
    [InlineData(false, true, CoxTies.Breslow)]
    public void ScoreResiduals_Sweep_EqualReferenceScan(bool strata, bool counting, CoxTies ties)
    {
        var data = CoxFixture.Random(300, 17, strata, counting);
        var prepared = new CoxPrepared(data, timeFix: true);
        double[] beta = [0.4, -0.1, 0.3];
        var eta = Enumerable.Range(0, prepared.N)
            .Select(i => Enumerable.Range(0, 3).Sum(j => beta[j] * prepared.X[i * 3 + j]))
            .ToArray();
        var plain = CoxScoreResiduals.Compute(prepared, eta, ties);
        var fast = CoxScoreResiduals.ComputeFast(prepared, new CoxSweepKernel(prepared, ties), beta, ties);
        for (var k = 0; k < plain.Length; k++)
        {
            Assert.True(Math.Abs(plain[k] - fast[k]) <= 1e-10 * (1 + Math.Abs(plain[k])), $"residual {k}: {plain[k]} vs {fast[k]}");
        }
    }

    [Theory]
    [InlineData(true, true, CoxTies.Efron)]
    [InlineData(false, false, CoxTies.Breslow)]
    public void PhTest_Sweep_EqualsReferenceScan(bool strata, bool counting, CoxTies ties)
    {
        var data = CoxFixture.Random(300, 23, strata, counting);
        var fast = new CoxRegression(new CoxOptions { Ties = ties, ProportionalHazardsTest = true }).Fit(data);
        var plain = new CoxRegression(new CoxOptions { Ties = ties, ProportionalHazardsTest = true, UseReferenceImplementation = true }).Fit(data);
        for (var k = 0; k < fast.PhTest!.Terms.Count; k++)
        {
            AssertNear.Relative(plain.PhTest!.Terms[k].ChiSquare, fast.PhTest.Terms[k].ChiSquare, 1e-8, $"zph {k}");
        }
        AssertNear.Relative(plain.PhTest!.Global.ChiSquare, fast.PhTest.Global.ChiSquare, 1e-8, "zph global");
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void Concordance_Sweep_EqualsAllPairs(bool strata, bool counting)
    {
        var data = CoxFixture.Random(300, 5, strata, counting);
        var random = new Random(3);
        // Rounded linear predictors so that ties in lp occur too.
        var lp = Enumerable.Range(0, data.RowCount).Select(_ => Math.Round(random.NextDouble() * 4, 1)).ToArray();
        var start = data.Start ?? Enumerable.Repeat(double.NegativeInfinity, data.RowCount).ToArray();
        var strataCodes = data.Strata ?? new int[data.RowCount];
        var fast = CoxConcordance.Compute(start, data.Stop, data.Status, strataCodes, lp, counting);
        var plain = CoxConcordance.Reference(start, data.Stop, data.Status, strataCodes, lp);
        AssertNear.Relative(plain, fast, 1e-14, "concordance");
    }

    [Theory]
    // beta on the binary and the rounded covariate only: many tied linear predictors; then all three.
    [InlineData(false, false, 0.0)]
    [InlineData(true, false, 0.0)]
    [InlineData(false, true, 0.0)]
    [InlineData(true, true, 0.0)]
    [InlineData(true, true, 0.7)]
    public void Concordance_OnTheKernelsSortedRows_EqualsAllPairs(bool strata, bool counting, double beta2)
    {
        var data = CoxFixture.Random(300, 9, strata, counting);
        var prepared = new CoxPrepared(data, timeFix: true);
        double[] beta = [0.5, 0.2, beta2];
        var fast = new CoxSweepKernel(prepared, CoxTies.Efron).Concordance(beta);
        var plain = CoxConcordance.Reference(prepared.Start, prepared.Stop, prepared.Status, prepared.Strata, prepared.LinearPredictors(beta));
        AssertNear.Relative(plain, fast, 1e-14, "concordance");
    }

    [Theory]
    // Strata and lp arrays cut in two from 64 rows on: the parallel parts and the merged ranks against every pair.
    [InlineData(false, 0.0)]
    [InlineData(true, 0.0)]
    [InlineData(false, 0.7)]
    [InlineData(true, 0.7)]
    public void Concordance_CountedInTwoParts_EqualsAllPairs(bool strata, double beta2)
    {
        var data = CoxFixture.Random(3000, 13, strata, counting: false);
        var prepared = new CoxPrepared(data, timeFix: true);
        double[] beta = [0.5, 0.2, beta2];
        var lp = prepared.LinearPredictors(beta);
        var strataCodes = prepared.Strata;
        var order = CoxPrepared.SortByStratumThenDescending(prepared.Stop, strataCodes, Enumerable.Range(0, lp.Length).ToArray());
        var ends = Enumerable.Range(1, order.Length).Where(r => r == order.Length || strataCodes[order[r]] != strataCodes[order[r - 1]]).ToArray();
        var split = CoxConcordance.ComputeSorted(
            order.Select(i => prepared.Stop[i]).ToArray(), order.Select(i => prepared.Status[i] != 0).ToArray(), ends,
            order.Select(i => lp[i]).ToArray(), null, [], parallelRows: 64);
        var plain = CoxConcordance.Reference(prepared.Start, prepared.Stop, prepared.Status, strataCodes, lp);
        AssertNear.Relative(plain, split, 1e-14, "concordance");
    }

    [Fact]
    public void Fit_RowsShuffled_GivesTheSameFit()
    {
        var data = CoxFixture.Random(300, 21, strata: true, counting: true);
        var permutation = Enumerable.Range(0, data.RowCount).OrderBy(i => (i * 7919) % 301).ToArray();
        T[] Permute<T>(T[] values) => permutation.Select(i => values[i]).ToArray();
        var shuffled = data with
        {
            Start = Permute(data.Start!),
            Stop = Permute(data.Stop),
            Status = Permute(data.Status),
            Covariates = data.Covariates.Select(Permute).ToArray(),
            Strata = Permute(data.Strata!),
        };
        var a = new CoxRegression(new CoxOptions { ProportionalHazardsTest = true }).Fit(data);
        var b = new CoxRegression(new CoxOptions { ProportionalHazardsTest = true }).Fit(shuffled);
        AssertSameFit(a, b);
    }

    [Fact]
    public void Fit_TimesShifted_GivesTheSameFit()
    {
        // Only the order of times matters to the partial likelihood (and to the KM time scale of cox.zph).
        var data = CoxFixture.Random(300, 8, strata: false, counting: false);
        var shifted = data with { Stop = data.Stop.Select(t => t + 100).ToArray() };
        AssertSameFit(new CoxRegression(new CoxOptions { ProportionalHazardsTest = true }).Fit(data),
            new CoxRegression(new CoxOptions { ProportionalHazardsTest = true }).Fit(shifted));
    }

    [Fact]
    public void Fit_CovariateRescaled_RescalesItsCoefficientOnly()
    {
        var data = CoxFixture.Random(300, 9, strata: false, counting: false);
        var scaled = data with { Covariates = [data.Covariates[0], data.Covariates[1].Select(v => v * 10).ToArray(), data.Covariates[2]] };
        var a = new CoxRegression().Fit(data);
        var b = new CoxRegression().Fit(scaled);
        AssertNear.Relative(a.Coefficients[1].Coef / 10, b.Coefficients[1].Coef, 1e-8, "coef b");
        AssertNear.Relative(a.Coefficients[1].P, b.Coefficients[1].P, 1e-8, "p b");
        AssertNear.Relative(a.Coefficients[0].Coef, b.Coefficients[0].Coef, 1e-8, "coef a");
        AssertNear.Relative(a.LogLikelihood, b.LogLikelihood, 1e-12, "loglik");
    }

    [Fact]
    public void Fit_NearEqualTimes_AreMergedAsRTimefix()
    {
        // 2 and 2 + 1e-10 are one time for R (aeqSurv): with Breslow the two deaths share the risk set of 3.
        var merged = new CoxRegression(new CoxOptions { Ties = CoxTies.Breslow })
            .Fit(CoxData.Simple([2, 1, 3, 2 + 1e-10], TinyStatus, [TinyX], ["x"]));
        AssertNear.Relative(-Math.Log(4) - 2 * Math.Log(3), merged.LogLikelihoodNull, 1e-14, "loglik null merged");
        // Without the merge the second death sees a risk set of 2.
        var apart = new CoxRegression(new CoxOptions { Ties = CoxTies.Breslow, TimeFix = false })
            .Fit(CoxData.Simple([2, 1, 3, 2 + 1e-10], TinyStatus, [TinyX], ["x"]));
        AssertNear.Relative(-Math.Log(4) - Math.Log(3) - Math.Log(2), apart.LogLikelihoodNull, 1e-14, "loglik null apart");
    }

    [Fact]
    public void Fit_CollinearColumn_ReportsItAsNAWithAWarning()
    {
        var data = CoxFixture.Random(200, 4, strata: false, counting: false);
        var twice = data.Covariates[1].Select(v => 2 * v).ToArray();
        var collinear = data with
        {
            Covariates = [.. data.Covariates, twice],
            CovariateNames = ["a", "b", "c", "b2"],
            TermNames = ["a", "b", "c", "b2"],
            Assign = [0, 1, 2, 3],
        };
        var fit = new CoxRegression().Fit(collinear);
        Assert.True(double.IsNaN(fit.Coefficients[3].Coef));
        Assert.Equal(3, fit.LikelihoodRatioTest.DegreesOfFreedom);
        Assert.Contains(fit.Warnings, w => w.Contains("singular", StringComparison.Ordinal));
        var reduced = new CoxRegression().Fit(data);
        AssertNear.Relative(reduced.Coefficients[1].Coef, fit.Coefficients[1].Coef, 1e-8, "coef b");
    }

    [Fact]
    public void Fit_NoEvents_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => new CoxRegression().Fit(CoxData.Simple([1, 2], [0, 0], [[1, 0]], ["x"])));
    }

    [Fact]
    public void Check_IntervalThatCollapsesUnderTimeFix_IsAProblemOfItsRowAndFitThrows()
    {
        // (2, 2 + 1e-10]: R's aeqSurv merges the two ends and stops; without the time fix the interval is usable.
        var data = new CoxData([0, 2, 0, 0], [2, 2 + 1e-10, 3, 4], [1, 1, 0, 1], [[1, 0, 1, 0]], ["x"], ["x"], [0]);
        var problem = Assert.Single(new CoxRegression().Check(data));
        Assert.Equal(1, problem.Row);
        Assert.Contains("length 0", problem.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new CoxRegression().Fit(data));
        Assert.Empty(new CoxRegression(new CoxOptions { TimeFix = false }).Check(data));
    }

    private static void AssertSameFit(CoxResult a, CoxResult b)
    {
        for (var j = 0; j < a.Coefficients.Count; j++)
        {
            AssertNear.Relative(a.Coefficients[j].Coef, b.Coefficients[j].Coef, 1e-9, $"coef {j}");
            AssertNear.Relative(a.Coefficients[j].Se, b.Coefficients[j].Se, 1e-9, $"se {j}");
        }
        AssertNear.Relative(a.LogLikelihood, b.LogLikelihood, 1e-12, "loglik");
        AssertNear.Relative(a.ScoreTest.ChiSquare, b.ScoreTest.ChiSquare, 1e-9, "score");
        AssertNear.Relative(a.Concordance, b.Concordance, 1e-12, "concordance");
        if (a.PhTest is not null)
        {
            AssertNear.Relative(a.PhTest.Global.ChiSquare, b.PhTest!.Global.ChiSquare, 1e-8, "zph global");
        }
    }
}
