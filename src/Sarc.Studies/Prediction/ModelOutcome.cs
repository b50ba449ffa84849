using Sarc.Data;
using Sarc.Data.Analysis;
using Sarc.Data.Tables;
using Sarc.Statistics.Prediction;
using Sarc.Studies.Analyses;

namespace Sarc.Studies.Prediction;

/// <summary>
/// A model applied to a table together with the observed outcome, over the rows that have both: what validation,
/// recalibration and decision curves work on.
/// </summary>
/// <param name="Evaluation">The model applied to every row of the table.</param>
/// <param name="Rows">Table rows with a linear predictor and a complete outcome, in table order.</param>
/// <param name="LinearPredictor">The linear predictor of each of <see cref="Rows"/>.</param>
/// <param name="Design">Per coefficient, its column over <see cref="Rows"/>.</param>
/// <param name="Outcome">The outcome of each of <see cref="Rows"/>.</param>
/// <param name="Excluded">Table rows left out: a missing predictor or outcome, or a level the model does not know.</param>
public sealed record ModelOutcome(ModelEvaluation Evaluation, int[] Rows, double[] LinearPredictor, double[][] Design, PredictionOutcome Outcome, int Excluded)
{
    /// <summary>Applies <paramref name="model"/> to <paramref name="table"/> and reads the model's outcome columns.</summary>
    /// <exception cref="DataInputException">A model or outcome column is not in the data; a bad time, event or status (naming its line); no row left.</exception>
    public static ModelOutcome Read(PredictionModel model, DataFrame table)
    {
        ModelDesign.RequireColumns(model, table, model.Variables.Select(v => v.Name).Append(model.TimeColumn).Append(model.EventColumn));
        var evaluation = ModelDesign.Evaluate(model, table);
        var cases = CompleteCases.Of(table, [model.TimeColumn, model.EventColumn]);
        var time = AnalysisColumns.Time(cases, model.TimeColumn);
        int[] status = model.Kind == ModelKind.Cox
            ? AnalysisColumns.Event(cases, model.EventColumn).Select(e => (int)e).ToArray()
            : AnalysisColumns.StatusCodes(cases, model.EventColumn);
        var position = new Dictionary<int, int>(cases.Rows.Length);
        for (var i = 0; i < cases.Rows.Length; i++)
        {
            position[cases.Rows[i]] = i;
        }
        var rows = new List<int>();
        var designIndex = new List<int>();
        for (var r = 0; r < evaluation.Rows.Length; r++)
        {
            if (position.ContainsKey(evaluation.Rows[r]))
            {
                rows.Add(evaluation.Rows[r]);
                designIndex.Add(r);
            }
        }
        if (rows.Count == 0)
        {
            throw new DataInputException($"{table.Source}: no row has every predictor of the model and the outcome ({model.TimeColumn}, {model.EventColumn})");
        }
        var outcome = new PredictionOutcome(
            rows.Select(row => time[position[row]]).ToArray(),
            rows.Select(row => status[position[row]]).ToArray(),
            model.Cause,
            model.Kind == ModelKind.FineGray);
        var design = evaluation.Design.Select(column => designIndex.Select(r => column[r]).ToArray()).ToArray();
        return new ModelOutcome(evaluation, [.. rows], rows.Select(row => evaluation.LinearPredictor[row]).ToArray(), design, outcome, table.RowCount - rows.Count);
    }

    /// <summary>Number of table rows evaluated, the length of <see cref="Rows"/>.</summary>
    public int Count => Rows.Length;

    /// <summary>Events of the cause predicted.</summary>
    public int Events => Outcome.Status.Count(s => s == Outcome.Cause);

    /// <summary>Predicted risk of each row by model time <paramref name="time"/>.</summary>
    public double[] Risk(PredictionModel model, double time)
    {
        var h = model.BaselineAt(time) ?? throw new ArgumentException($"{time} is not a model time.", nameof(time));
        return LinearPredictor.Select(lp => PredictionModel.Risk(h, lp)).ToArray();
    }
}
