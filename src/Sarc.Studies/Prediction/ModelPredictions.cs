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

    /// <summary>
    /// Predicts for one patient from the values of the model's variables as text (a number for a numeric variable,
    /// a level for a factor; null or empty = missing): what a patient record shows. A variable absent from
    /// <paramref name="values"/> counts as missing.
    /// </summary>
    /// <exception cref="Sarc.Data.DataInputException">A numeric variable's value is not a number.</exception>
    public static PatientPrediction ForPatient(PredictionModel model, IReadOnlyDictionary<string, string?> values)
    {
        var columns = model.Variables.Select(variable =>
        {
            var text = values.TryGetValue(variable.Name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
            if (variable.Type == ModelVariableType.Factor)
            {
                return new DataColumn(variable.Name, ColumnKind.Text, null, [text]);
            }
            var number = double.NaN;
            if (text is not null && !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number))
            {
                throw new Sarc.Data.DataInputException($"{variable.Name} must be a number, found '{text}'");
            }
            return new DataColumn(variable.Name, ColumnKind.Numeric, [number], null);
        }).ToArray();
        var predictions = Of(model, new DataFrame("patient", columns, [1]));
        return new PatientPrediction(
            predictions.Evaluation.LinearPredictor[0],
            model.Times.Select((t, j) => (t, predictions.Values[j][0])).ToArray(),
            predictions.Evaluation.Notes[0]);
    }
}
