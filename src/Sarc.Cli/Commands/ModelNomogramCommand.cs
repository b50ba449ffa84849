using Sarc.Statistics.Prediction;
using Sarc.Studies.Figures;

namespace Sarc.Cli.Commands;

/// <summary><c>sarc model nomogram</c>: draws a model's nomogram (points scales as rms::nomogram) and prints its points.</summary>
internal static class ModelNomogramCommand
{
    public static Command Create(CliContext context)
    {
        var model = ModelCommand.ModelOption();
        var outPath = CommonOptions.Out("The figure to write: .svg, .png or .pdf.");
        var json = CommonOptions.Json();
        return CliCommand.Create("nomogram", "Draw a model's nomogram and print the points of each predictor value.", [model, outPath, json], parse =>
        {
            var output = ModelCommand.FigureOf(parse, outPath)!;
            var prediction = ModelCommand.ReadModel(parse, model);
            var scale = NomogramLayout.Of(prediction);
            NomogramFigure.Save(scale, prediction.Name ?? prediction.Formula, output);
            return CommandOutput.Print(context, "model nomogram", parse.GetValue(json), [],
                writer =>
                {
                    writer.WriteString("figure", output);
                    ModelReport.WriteNomogram(writer, scale);
                },
                text => WriteText(text, prediction, scale, output));
        });
    }

    private static void WriteText(TextWriter output, PredictionModel prediction, NomogramScaleResult scale, string path)
    {
        output.WriteLine($"Nomogram of {prediction.Name ?? prediction.Formula}: {ReportText.Number(scale.Scale, 5)} points per unit of linear predictor");
        foreach (var axis in scale.Axes)
        {
            output.WriteLine();
            var table = new TextTable(axis.Name, "points");
            for (var i = 0; i < axis.Labels.Count; i++)
            {
                table.AddRow(axis.Labels[i], ReportText.Fixed(axis.Points[i], 1));
            }
            table.Write(output);
        }
        foreach (var outcome in scale.Outcomes)
        {
            output.WriteLine();
            var table = new TextTable(outcome.Label, "total points");
            for (var i = 0; i < outcome.Probabilities.Length; i++)
            {
                table.AddRow(ReportText.Number(outcome.Probabilities[i], 3), ReportText.Fixed(outcome.Points[i], 1));
            }
            table.Write(output);
        }
        output.WriteLine();
        output.WriteLine($"Figure written to {path}");
    }
}
