using Sarc.Data.Formulas;
using Sarc.Data.Models;
using Sarc.Statistics.Prediction;
using Sarc.Statistics.Survival;

namespace Sarc.Studies.Prediction;

/// <summary>
/// Fits a prediction model from a table and an R formula: a Cox model (as <c>coxph</c>, or <c>rms::cph</c> fully
/// converged, on the same rcs basis) with its baseline as <c>survfit(fit)</c>, or a Fine-Gray model (as
/// <c>cmprsk::crr</c>) with crr's baseline cumulative subdistribution hazard, both read at the model times.
/// </summary>
public static class ModelFitting
{
    /// <summary>Fits the model and builds the model file's content.</summary>
    /// <param name="table">The data.</param>
    /// <param name="formula"><c>Surv(time, event) ~ terms</c>; terms may use <c>rcs()</c>, <c>factor()</c> and interactions.</param>
    /// <param name="cause">Null for a Cox model of a 0/1 event; a status code for a Fine-Gray model of that cause.</param>
    /// <param name="times">The model times (the baseline is kept at each), positive.</param>
    /// <param name="ties">Tie handling of a Cox fit.</param>
    /// <param name="dataSha256">SHA-256 of the data file, recorded in the model, or null.</param>
    /// <exception cref="DataInputException">
    /// strata(), cluster() or a start time in the formula; a time that is not positive or beyond the data's follow-up;
    /// a column entered in two forms; a coefficient that cannot be estimated; and every data problem of the model frame.
    /// </exception>
    public static ModelFitResult Fit(DataFrame table, Formula formula, int? cause, IReadOnlyList<double> times, CoxTies ties = CoxTies.Efron, string? dataSha256 = null)
    {
        if (formula.Response.Start is not null || formula.StrataColumns.Count > 0 || formula.ClusterColumn is not null)
        {
            throw new DataInputException("model fit takes Surv(time, event) ~ terms, without a start time, strata() or cluster()");
        }
        var modelTimes = CheckTimes(times);
        var warnings = new List<string>();
        ModelFrame frame;
        double[] beta;
        double[] se;
        double centring;
        double[] baseline;
        int events;
        if (cause is null)
        {
            frame = ModelFrame.Build(table, formula);
            var fit = new CoxRegression(new CoxOptions { Ties = ties }).Fit(new CoxData(
                null, frame.Stop, frame.Status, frame.Design, frame.ColumnNames, frame.TermLabels.ToArray(), frame.Assign));
            warnings.AddRange(fit.Warnings);
            beta = fit.Coefficients.Select(c => c.Coef).ToArray();
            se = fit.Coefficients.Select(c => c.Se).ToArray();
            centring = CoxCentring.Centre(CoxCentring.Means(frame.Design), beta);
            events = fit.Events;
            RequireEstimable(frame, beta);
            baseline = CoxBaseline.CumulativeHazard(frame.Stop, frame.Status, CoxCentring.LinearPredictor(frame.Design, beta, centring), ties, modelTimes);
        }
        else
        {
            var analysis = FinegrayReport.Analyse(table, formula, cause.Value, 0.95);
            frame = analysis.Frame;
            warnings.AddRange(analysis.Fit.Warnings);
            beta = analysis.Fit.Beta;
            se = analysis.Fit.Coefficients.Select(c => c.Se).ToArray();
            centring = 0;
            events = analysis.Fit.Events;
            RequireEstimable(frame, beta);
            // A competing-risks frame holds the status codes themselves.
            var status = frame.Status.Select(code => (int)code).ToArray();
            baseline = FineGrayBaseline.CumulativeSubdistributionHazard(frame.Stop, status, cause.Value, frame.Design, beta, modelTimes);
        }
        warnings.InsertRange(0, frame.Warnings);
        var lastTime = frame.Stop.Max();
        var beyond = modelTimes.Where(t => t > lastTime).ToList();
        if (beyond.Count > 0)
        {
            throw new DataInputException(
                $"--times {string.Join(",", beyond.Select(Format))} is beyond the last follow-up time of the data ({Format(lastTime)}): the baseline is not estimable there");
        }
        var lp = CoxCentring.LinearPredictor(frame.Design, beta, centring);
        var model = new PredictionModel
        {
            Kind = cause is null ? ModelKind.Cox : ModelKind.FineGray,
            Formula = formula.Text,
            TimeColumn = formula.Response.Stop,
            EventColumn = formula.Response.Event,
            Cause = cause ?? 1,
            Ties = ties,
            Variables = Variables(table, frame),
            Coefficients = frame.ColumnNames.Select((name, k) => new ModelCoefficient(
                name, beta[k], double.IsFinite(se[k]) ? se[k] : null,
                frame.DesignParts[k].Select(part => new CoefficientPart(part.Variable.Column, part.Level, part.Basis)).ToArray())).ToArray(),
            Centring = centring,
            Baseline = modelTimes.Select((t, j) => new BaselinePoint(t, baseline[j])).ToArray(),
            LinearPredictorRange = (lp.Min(), lp.Max()),
            FittedOn = new ModelProvenance(Path.GetFileName(table.Source), dataSha256, frame.RowCount, events, frame.Excluded),
        };
        return new ModelFitResult(model, frame, warnings);
    }

    /// <summary>The model times: positive, finite, sorted, each once.</summary>
    /// <exception cref="DataInputException">None given, or one that is not positive.</exception>
    public static double[] CheckTimes(IReadOnlyList<double> times)
    {
        if (times.Count == 0)
        {
            throw new DataInputException("--times: give at least one time at which to predict (e.g. 60,120)");
        }
        foreach (var t in times)
        {
            if (!(t > 0) || !double.IsFinite(t))
            {
                throw new DataInputException($"--times: every time must be positive, found {Format(t)}");
            }
        }
        return times.Distinct().Order().ToArray();
    }

    private static void RequireEstimable(ModelFrame frame, double[] beta)
    {
        for (var k = 0; k < beta.Length; k++)
        {
            if (!double.IsFinite(beta[k]))
            {
                throw new DataInputException(
                    $"{frame.ColumnNames[k]} cannot be estimated (a column collinear with others, or a level without events); a prediction model needs every coefficient: drop the term or merge levels");
            }
        }
    }

    /// <summary>The model's variables from the frame's codings, with the range (and few distinct values) over the rows used.</summary>
    private static ModelVariable[] Variables(DataFrame table, ModelFrame frame)
    {
        var twice = frame.Codings.GroupBy(c => c.Variable.Column).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw new DataInputException(
                $"column '{twice.Key}' enters the formula in two forms ({string.Join(" and ", twice.Select(c => c.Variable.Label))}); a prediction model keeps one coding per column");
        }
        return frame.Codings.Select(coding =>
        {
            var name = coding.Variable.Column;
            if (coding.Levels is { } levels)
            {
                return new ModelVariable(name, ModelVariableType.Factor, Levels: levels);
            }
            var column = table.Column(name).Numbers!;
            var used = frame.Rows.Select(row => column[row]).ToArray();
            var distinct = used.Distinct().Order().ToArray();
            return new ModelVariable(
                name,
                coding.Knots is null ? ModelVariableType.Numeric : ModelVariableType.Spline,
                Knots: coding.Knots,
                Minimum: distinct[0],
                Maximum: distinct[^1],
                Values: distinct.Length <= 10 ? distinct : null);
        }).ToArray();
    }

    private static string Format(double value) => ReportText.Number(value, 6);
}
