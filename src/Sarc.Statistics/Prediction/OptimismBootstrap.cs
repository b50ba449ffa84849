using Sarc.Statistics.Survival;

namespace Sarc.Statistics.Prediction;

/// <summary>
/// Harrell's bootstrap estimate of the optimism of a Cox model's discrimination and calibration slope, exactly as
/// <c>rms::validate(cph fit, method = "boot")</c> (rms 6.5, <c>predab.resample</c> + <c>validate.cph</c>): the model's
/// columns are refitted on each resample (coxph.fit with rms's <c>eps = 1e-4</c>, <c>iter.max = 10</c>,
/// <c>toler.chol = 1e-9</c>, no merging of near-equal times); its linear predictor is scored on the resample
/// (training) and on the original data (test): Somers' D (Hmisc's <c>dxy.cens</c>, = 2C − 1) and the slope of a Cox
/// regression on it (1 on the training data). Optimism = mean training − mean test; corrected = apparent − optimism.
/// A resample whose fit is singular is skipped, as rms does.
/// </summary>
public static class OptimismBootstrap
{
    /// <summary>
    /// <paramref name="count"/> resamples of <paramref name="n"/> rows drawn with replacement from
    /// <see cref="Random"/>(<paramref name="seed"/>): the same rows for the same seed, on every machine and run.
    /// </summary>
    public static int[][] Resamples(int n, int count, int seed)
    {
        Preconditions.Positive(n, nameof(n));
        Preconditions.NonNegative(count, nameof(count));
        var random = new Random(seed);
        var resamples = new int[count][];
        for (var b = 0; b < count; b++)
        {
            var rows = new int[n];
            for (var i = 0; i < n; i++)
            {
                rows[i] = random.Next(n);
            }
            resamples[b] = rows;
        }
        return resamples;
    }

    /// <summary>
    /// What in <paramref name="data"/> keeps the model from being validated: no event, or a model that is singular
    /// on these data (a coefficient R reports as NA). Empty when <see cref="Validate"/> can run.
    /// </summary>
    /// <exception cref="ArgumentException">Counting-process data or strata, or data that breaks <see cref="CoxData"/>'s contract.</exception>
    public static IReadOnlyList<DataProblem> Check(CoxData data, CoxTies ties = CoxTies.Efron)
    {
        if (data.Start is not null || data.Strata is not null)
        {
            throw new ArgumentException("The bootstrap validates right-censored models without strata.", nameof(data));
        }
        if (!data.Status.Contains(1))
        {
            return [new DataProblem("there is no event, so the model cannot be refitted")];
        }
        var apparent = new CoxRegression(new CoxOptions { Ties = ties, TimeFix = false }).Fit(data);
        return apparent.Coefficients.Any(c => double.IsNaN(c.Coef))
            ? [new DataProblem("the model is singular on these data")]
            : [];
    }

    /// <summary>Validates the model on <paramref name="data"/> (its design columns and outcome) over <paramref name="resamples"/>.</summary>
    /// <param name="data">The model's design on the data it is validated on (no strata, right-censored).</param>
    /// <param name="resamples">0-based row indices of each resample (<see cref="Resamples"/>, or R's, minus 1).</param>
    /// <param name="ties">Tie handling of the model.</param>
    /// <param name="progress">Told the number of resamples done so far (from worker threads).</param>
    /// <exception cref="ArgumentException">Counting-process data or strata, or a problem <see cref="Check"/> reports (a programmer error: check first).</exception>
    public static OptimismBootstrapResult Validate(CoxData data, IReadOnlyList<int[]> resamples, CoxTies ties = CoxTies.Efron, IProgress<int>? progress = null)
    {
        if (data.Start is not null || data.Strata is not null)
        {
            throw new ArgumentException("The bootstrap validates right-censored models without strata.", nameof(data));
        }
        var n = data.RowCount;
        var p = data.CovariateCount;
        var apparentFit = new CoxRegression(new CoxOptions { Ties = ties, TimeFix = false }).Fit(data);
        if (apparentFit.Coefficients.Any(c => double.IsNaN(c.Coef)))
        {
            throw new ArgumentException("The model is singular on these data.", nameof(data));
        }
        var beta = apparentFit.Coefficients.Select(c => c.Coef).ToArray();
        var status = data.Status.Select(s => s != 0).ToArray();
        var apparent = SomersD(data.Stop, status, CoxCentring.LinearPredictor(data.Covariates, beta));

        var refit = new CoxOptions { Ties = ties, TimeFix = false, Epsilon = 1e-4, MaxIterations = 10, CholeskyTolerance = 1e-9 };
        var slopeOptions = refit with { CholeskyTolerance = new CoxOptions().CholeskyTolerance };
        var train = new double[resamples.Count];
        var test = new double[resamples.Count];
        var slope = new double[resamples.Count];
        var ok = new bool[resamples.Count];
        var done = 0;
        Parallel.For(0, resamples.Count, b =>
        {
            var rows = resamples[b];
            var columns = new double[p][];
            for (var j = 0; j < p; j++)
            {
                columns[j] = Gather(data.Covariates[j], rows);
            }
            var time = Gather(data.Stop, rows);
            var sample = data with { Stop = time, Status = Gather(data.Status, rows), Covariates = columns };
            CoxResult fit;
            try
            {
                fit = new CoxRegression(refit).Fit(sample);
            }
            catch (ArgumentException)
            {
                // No event in the resample: R's fit fails and the resample is skipped.
                Report(progress, ref done);
                return;
            }
            var coefficients = fit.Coefficients.Select(c => c.Coef).ToArray();
            if (coefficients.Any(double.IsNaN))
            {
                Report(progress, ref done);
                return;
            }
            var lp = CoxCentring.LinearPredictor(data.Covariates, coefficients);
            var trainStatus = new bool[rows.Length];
            var trainLp = new double[rows.Length];
            for (var i = 0; i < rows.Length; i++)
            {
                trainStatus[i] = status[rows[i]];
                trainLp[i] = lp[rows[i]];
            }
            train[b] = SomersD(time, trainStatus, trainLp);
            test[b] = SomersD(data.Stop, status, lp);
            var slopeFit = new CoxRegression(slopeOptions).Fit(CoxData.Simple(data.Stop, data.Status, [lp], ["lp"]));
            slope[b] = slopeFit.Coefficients[0].Coef;
            ok[b] = true;
            Report(progress, ref done);
        });
        return new OptimismBootstrapResult(
            Row(apparent, train, test, ok),
            Row(1, ok.Select(_ => 1.0).ToArray(), slope, ok),
            ok.Count(x => x),
            resamples.Count);
    }

    private static void Report(IProgress<int>? progress, ref int done)
    {
        var now = Interlocked.Increment(ref done);
        progress?.Report(now);
    }

    /// <summary>rms's summary of one index: means over the resamples that worked, in resample order.</summary>
    private static OptimismRow Row(double apparent, double[] train, double[] test, bool[] ok)
    {
        double trainSum = 0, testSum = 0;
        var count = 0;
        for (var b = 0; b < ok.Length; b++)
        {
            if (ok[b] && !double.IsNaN(train[b] + test[b]))
            {
                trainSum += train[b];
                testSum += test[b];
                count++;
            }
        }
        var training = trainSum / count;
        var testing = testSum / count;
        var optimism = training - testing;
        return new OptimismRow(apparent, training, testing, optimism, apparent - optimism, count);
    }

    private static double SomersD(double[] time, bool[] status, double[] lp) =>
        Concordance.Compute(time, status, lp, mergeNearEqualTimes: false).SomersD;

    private static double[] Gather(double[] values, int[] rows)
    {
        var result = new double[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            result[i] = values[rows[i]];
        }
        return result;
    }
}
