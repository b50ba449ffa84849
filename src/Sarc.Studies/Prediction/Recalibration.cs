using Sarc.Statistics.CompetingRisks;
using Sarc.Statistics.Prediction;

namespace Sarc.Studies.Prediction;

/// <summary>
/// Recalibrates a model on local data, keeping its coefficients' relative weights: with
/// <see cref="RecalibrationMethod.Intercept"/> the baseline is re-estimated with the original linear predictor as an
/// offset (R: <c>survfit(coxph(Surv ~ offset(lp)), newdata = data.frame(lp = 0))</c>; Fine-Gray: crr's baseline at
/// β = 1 on lp); with <see cref="RecalibrationMethod.Slope"/> a Cox (or Fine-Gray) regression on the linear
/// predictor gives a slope γ, every coefficient and the centring are multiplied by γ, and the baseline is that fit's.
/// </summary>
public static class Recalibration
{
    /// <summary>The recalibrated model, with its baseline at <paramref name="times"/>.</summary>
    /// <exception cref="DataInputException">A time beyond the local follow-up, no event, or every data problem.</exception>
    public static PredictionModel Recalibrate(PredictionModel model, DataFrame table, RecalibrationMethod method, IReadOnlyList<double> times, string? dataSha256 = null)
    {
        var at = ModelFitting.CheckTimes(times);
        var data = ModelOutcome.Read(model, table);
        var outcome = data.Outcome;
        if (data.Events == 0)
        {
            throw new DataInputException($"{table.Source}: no event of the cause predicted among the {data.Count} rows used: nothing to recalibrate on");
        }
        var lastTime = outcome.Time.Max();
        if (at.FirstOrDefault(t => t > lastTime) is var beyond and > 0)
        {
            throw new DataInputException($"--times {Format(beyond)} is beyond the last follow-up time of the local data ({Format(lastTime)})");
        }
        var slope = 1.0;
        if (method == RecalibrationMethod.Slope)
        {
            slope = ModelValidation.Slope(model, outcome, data.LinearPredictor).Estimate;
            if (!double.IsFinite(slope))
            {
                throw new DataInputException($"{table.Source}: the calibration slope cannot be estimated on these data");
            }
        }
        var offset = data.LinearPredictor.Select(lp => slope * lp).ToArray();
        double[] baseline;
        if (model.Kind == ModelKind.Cox)
        {
            var status = outcome.EventIndicator();
            baseline = CoxBaseline.CumulativeHazard(outcome.Time, status, offset, model.Ties, at);
        }
        else
        {
            baseline = FineGrayBaseline.CumulativeSubdistributionHazard(outcome.Time, outcome.Status, outcome.Cause, [data.LinearPredictor], [slope], at);
        }
        return model with
        {
            Coefficients = model.Coefficients.Select(c => c with
            {
                Estimate = c.Estimate * slope,
                StandardError = method == RecalibrationMethod.Intercept ? c.StandardError : null,
            }).ToArray(),
            Centring = model.Centring * slope,
            Baseline = at.Select((t, j) => new BaselinePoint(t, baseline[j])).ToArray(),
            LinearPredictorRange = model.LinearPredictorRange is { } range ? (range.Low * slope, range.High * slope) : null,
            Recalibrated = new ModelRecalibration(
                method == RecalibrationMethod.Intercept ? "intercept" : "slope", slope,
                new ModelProvenance(Path.GetFileName(table.Source), dataSha256, data.Count, data.Events, data.Excluded)),
        };
    }

    private static string Format(double value) => ReportText.Number(value, 6);
}
