using Sarc.Statistics.CompetingRisks;
using Sarc.Statistics.Prediction;
using Sarc.Statistics.Survival;

namespace Sarc.Studies.Prediction;

/// <summary>
/// Validates a prediction model on a table (docs/models.md, the maths in docs/methods/prediction.md): at each model
/// time Harrell's and Uno's C (Cox), the time-dependent AUC, Brier score and IPA as riskRegression's Score, the
/// calibration-in-the-large, deciles and a smooth curve; once, the calibration slope; and on request Harrell's
/// bootstrap optimism correction (Cox).
/// </summary>
public static class ModelValidation
{
    /// <summary>Validates <paramref name="model"/> on <paramref name="table"/> at <paramref name="times"/>.</summary>
    /// <param name="model">The model.</param>
    /// <param name="table">The data (with the model's variables and outcome columns).</param>
    /// <param name="times">Times at which to validate: each a model time.</param>
    /// <param name="resamples">Bootstrap resamples for the optimism correction (0 = none).</param>
    /// <param name="seed">Seed of the resamples.</param>
    /// <param name="progress">Told how many resamples are done.</param>
    /// <exception cref="DataInputException">A time that is not a model time; a bootstrap of a Fine-Gray model; every data problem.</exception>
    public static ModelValidationResult Validate(PredictionModel model, DataFrame table, IReadOnlyList<double> times, int resamples = 0, int seed = 1, IProgress<int>? progress = null)
    {
        var at = RequireModelTimes(model, times);
        if (resamples > 0 && model.Kind != ModelKind.Cox)
        {
            throw new DataInputException("--bootstrap: Harrell's optimism correction is available for Cox models (rms::validate); a Fine-Gray model is validated without it");
        }
        var data = ModelOutcome.Read(model, table);
        var outcome = data.Outcome;
        var warnings = Warnings(model, data);
        if (data.Events == 0)
        {
            warnings.Add($"no event of the cause predicted among the {data.Count} rows used: discrimination, IPA and the calibration slope cannot be estimated (NA)");
        }
        var lastTime = outcome.Time.Max();
        foreach (var t in at.Where(t => t > lastTime))
        {
            warnings.Add($"time {Format(t)} is beyond the last follow-up of the data ({Format(lastTime)}): its observed risks carry the last value on");
        }
        var status = outcome.Status.Select(s => s == outcome.Cause).ToArray();
        var harrell = model.Kind == ModelKind.Cox ? Concordance.Compute(outcome.Time, status, data.LinearPredictor) : null;
        var atTimes = new List<ModelValidationAtTime>();
        foreach (var t in at)
        {
            var risk = data.Risk(model, t);
            var uno = model.Kind == ModelKind.Cox
                ? Concordance.Compute(outcome.Time, status, data.LinearPredictor, ConcordanceTimeWeight.Uno, t)
                : null;
            atTimes.Add(new ModelValidationAtTime(
                t, harrell, uno,
                PredictionAccuracy.Compute(outcome, risk, t),
                Calibration.InTheLarge(outcome, risk, t),
                outcome.Count >= 10 ? Calibration.Groups(outcome, risk, t) : [],
                SmoothCalibration.Fit(outcome, risk, t)));
        }
        OptimismBootstrapResult? bootstrap = null;
        if (resamples > 0)
        {
            var names = model.Coefficients.Select(c => c.Name).ToArray();
            var coxData = new CoxData(null, outcome.Time, outcome.Status.Select(s => (double)s).ToArray(), data.Design, names, names,
                Enumerable.Range(0, names.Length).ToArray());
            DataProblems.ThrowIfAny(table.Source, OptimismBootstrap.Check(coxData, model.Ties), _ => 0,
                describe: problem => $"the model cannot be refitted on these data for the bootstrap: {problem.Message}");
            bootstrap = OptimismBootstrap.Validate(coxData, OptimismBootstrap.Resamples(data.Count, resamples, seed), model.Ties, progress);
            if (bootstrap.Successful < bootstrap.Requested)
            {
                warnings.Add($"{bootstrap.Requested - bootstrap.Successful} of {bootstrap.Requested} bootstrap refits failed (singular) and were skipped, as rms does");
            }
        }
        return new ModelValidationResult(model, data.Count, data.Events, data.Excluded, data.Evaluation.Extrapolated,
            Slope(model, outcome, data.LinearPredictor), atTimes, bootstrap, warnings);
    }

    /// <summary>The calibration slope: Cox (Efron) or Fine-Gray regression of the outcome on the linear predictor.</summary>
    public static CalibrationSlope Slope(PredictionModel model, PredictionOutcome outcome, double[] linearPredictor)
    {
        // No event, or every patient with the same linear predictor: no slope to estimate.
        var none = new CalibrationSlope(double.NaN, double.NaN);
        if (linearPredictor.Length == 0 || Array.TrueForAll(linearPredictor, lp => lp == linearPredictor[0]))
        {
            return none;
        }
        if (model.Kind == ModelKind.Cox)
        {
            var status = outcome.EventIndicator();
            if (!status.Contains(1))
            {
                return none;
            }
            var fit = new CoxRegression(new CoxOptions { Ties = model.Ties }).Fit(CoxData.Simple(outcome.Time, status, [linearPredictor], ["lp"]));
            return new CalibrationSlope(fit.Coefficients[0].Coef, fit.Coefficients[0].Se);
        }
        var fineGray = new FineGray();
        var data = new FineGrayData(outcome.Time, outcome.Status, outcome.Cause, [linearPredictor], ["lp"]);
        if (fineGray.Check(data).Count > 0)
        {
            return none;
        }
        var row = fineGray.Fit(data).Coefficients[0];
        return new CalibrationSlope(row.Coef, row.Se);
    }

    /// <summary>The times asked for, each checked to be a model time.</summary>
    /// <exception cref="DataInputException">A time that is not one of the model's times.</exception>
    public static double[] RequireModelTimes(PredictionModel model, IReadOnlyList<double> times)
    {
        if (times.Count == 0)
        {
            return [.. model.Times];
        }
        var modelTimes = model.Times;
        foreach (var t in times)
        {
            if (model.BaselineAt(t) is null)
            {
                var where = t > modelTimes[^1] ? "is beyond the model's times" : "is not one of the model's times";
                throw new DataInputException(
                    $"time {Format(t)} {where} ({string.Join(", ", modelTimes.Select(Format))}): the model has a baseline only there; refit or recalibrate with --times");
            }
        }
        return times.Distinct().Order().ToArray();
    }

    /// <summary>What the reader of any result on these data must know: rows left out, values extrapolated.</summary>
    internal static List<string> Warnings(PredictionModel model, ModelOutcome data)
    {
        var warnings = new List<string>();
        var evaluation = data.Evaluation;
        if (evaluation.UnknownLevels > 0)
        {
            warnings.Add($"{evaluation.UnknownLevels} row(s) have a level the model does not know and are left out (see sarc model apply for which)");
        }
        if (evaluation.Extrapolated > 0)
        {
            warnings.Add($"{evaluation.Extrapolated} row(s) have a value outside the range the model was fitted on: their predictions extrapolate");
        }
        return warnings;
    }

    private static string Format(double value) => ReportText.Number(value, 6);
}
