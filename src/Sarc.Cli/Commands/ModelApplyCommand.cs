using System.Text;

namespace Sarc.Cli.Commands;

/// <summary>
/// <c>sarc model apply</c>: predictions for every row of a data file — the linear predictor and the survival or
/// cumulative incidence at each model time — with a note on every row the model cannot predict or extrapolates for.
/// </summary>
internal static class ModelApplyCommand
{
    public static Command Create(CliContext context)
    {
        var input = new ModelDataOptions();
        var id = CommonOptions.Column("--id", "A column to copy into the predictions (the patient identifier).", required: false);
        var outPath = CommonOptions.Out("The predictions CSV to write.");
        var json = CommonOptions.Json();
        return CliCommand.Create("apply", "Predict for every row of a data file: linear predictor and survival (or cumulative incidence) at each model time.", [.. input.All, id, outPath, json], parse =>
        {
            var output = ModelCommand.OutputOf(parse, outPath);
            var prediction = input.ReadModel(parse);
            var table = input.ReadData(parse);
            var idColumn = parse.GetValue(id) is { } idName ? table.Column(idName) : null;
            var predictions = ModelPredictions.Of(prediction, table);
            var evaluation = predictions.Evaluation;
            var text = new StringBuilder();
            var prefix = prediction.PredictsSurvival ? "survival" : "cif";
            text.Append("line,");
            if (idColumn is not null)
            {
                text.Append(Csv(idColumn.Name)).Append(',');
            }
            text.Append("lp,").AppendJoin(',', prediction.Times.Select(t => $"{prefix}_{ModelCommand.Format(t)}")).Append(",notes\n");
            for (var row = 0; row < table.RowCount; row++)
            {
                text.Append(table.LineNumbers[row].ToString(CultureInfo.InvariantCulture)).Append(',');
                if (idColumn is not null)
                {
                    text.Append(Csv(idColumn.TextAt(row) ?? "")).Append(',');
                }
                text.Append(Number(evaluation.LinearPredictor[row]));
                foreach (var values in predictions.Values)
                {
                    text.Append(',').Append(Number(values[row]));
                }
                text.Append(',').Append(Csv(string.Join("; ", evaluation.Notes[row]))).Append('\n');
            }
            var temporary = output + ".tmp-" + Guid.NewGuid().ToString("N")[..8];
            try
            {
                File.WriteAllText(temporary, text.ToString(), new UTF8Encoding(false));
                File.Move(temporary, output, overwrite: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                File.Delete(temporary);
                throw new DataInputException($"--out: cannot write '{output}': {e.Message}");
            }
            var predicted = evaluation.Rows.Length;
            return CommandOutput.Print(context, "model apply", parse.GetValue(json), [],
                writer =>
                {
                    writer.WriteString("predictions_file", output);
                    writer.WriteNumber("rows", table.RowCount);
                    writer.WriteNumber("predicted", predicted);
                    writer.WriteNumber("missing", evaluation.Missing);
                    writer.WriteNumber("unknown_level", evaluation.UnknownLevels);
                    writer.WriteNumber("extrapolated", evaluation.Extrapolated);
                },
                text =>
                {
                    text.WriteLine($"{predicted} of {table.RowCount} rows predicted ({prefix} at {string.Join(", ", prediction.Times.Select(ModelCommand.Format))}), written to {output}");
                    if (evaluation.Missing > 0)
                    {
                        text.WriteLine($"{evaluation.Missing} row(s) not predicted: a predictor is missing (see the notes column)");
                    }
                    if (evaluation.UnknownLevels > 0)
                    {
                        text.WriteLine($"{evaluation.UnknownLevels} row(s) not predicted: a level the model does not know (see the notes column)");
                    }
                    if (evaluation.Extrapolated > 0)
                    {
                        text.WriteLine($"{evaluation.Extrapolated} row(s) predicted outside the range the model was fitted on: extrapolated (see the notes column)");
                    }
                });
        });
    }

    private static string Number(double value) => double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : "";

    private static string Csv(string text) =>
        text.IndexOfAny([',', '"', '\n', '\r']) < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
