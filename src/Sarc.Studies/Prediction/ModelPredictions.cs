using Sarc.Data.Tables;

namespace Sarc.Studies.Prediction;

/// <summary>
/// A model's predictions for every row of a table, as R's <c>predict(fit, newdata, type = "lp")</c> and
/// <c>survfit(fit, newdata)</c> (Cox) or <c>predict.crr</c> (Fine-Gray): the linear predictor and, at each model time,
/// the survival or the cumulative incidence; NaN where the row cannot be predicted, and the row's notes.
/// </summary>
/// <param name="Model">The model.</param>
/// <param name="Evaluation">The model applied to the rows (linear predictors, notes).</param>
/// <param name="Values">Per model time, per row: survival (Cox) or cumulative incidence (Fine-Gray).</param>
public sealed record ModelPredictions(PredictionModel Model, ModelEvaluation Evaluation, double[][] Values)
{
    /// <summary>Predicts every row of <paramref name="table"/>.</summary>
    /// <exception cref="Sarc.Data.DataInputException">A model variable is not in the table, or a numeric one holds text.</exception>
    public static ModelPredictions Of(PredictionModel model, DataFrame table)
    {
        var evaluation = ModelDesign.Evaluate(model, table);
        var values = model.Baseline.Select(b => evaluation.LinearPredictor.Select(lp =>
        {
            var risk = PredictionModel.Risk(b.CumulativeHazard, lp);
            return model.PredictsSurvival ? Math.Exp(-b.CumulativeHazard * Math.Exp(lp)) : risk;
        }).ToArray()).ToArray();
        return new ModelPredictions(model, evaluation, values);
    }
}
