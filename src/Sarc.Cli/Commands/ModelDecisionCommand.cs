using Sarc.Statistics.Prediction;
using Sarc.Studies.Figures;

namespace Sarc.Cli.Commands;

/// <summary><c>sarc model decision</c>: decision curve analysis of a model at one time (Vickers et al.).</summary>
internal static class ModelDecisionCommand
{
    private static readonly double[] Shown = [0.01, 0.02, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8, 0.9];

    public static Command Create(CliContext context)
    {
        var input = new ModelDataOptions();
        var time = new Option<double>("--time") { Description = "The time of the risk (one of the model's times).", Required = true };
        var plot = new Option<string>("--plot") { Description = "Write the decision curve (.svg, .png or .pdf)." };
        var json = CommonOptions.Json();
        return CliCommand.Create("decision", "Decision curve: net benefit over threshold probabilities 1-99 %, with treat-all and treat-none.", [.. input.All, time, plot, json], parse =>
        {
            var plotPath = ModelCommand.FigureOf(parse, plot);
            var prediction = input.ReadModel(parse);
            var t = ModelValidation.RequireModelTimes(prediction, [parse.GetValue(time)])[0];
            var outcome = ModelOutcome.Read(prediction, input.ReadData(parse));
            var curve = DecisionCurve.Compute(outcome.Outcome, outcome.Risk(prediction, t), t);
            if (plotPath is not null)
            {
                DecisionCurveFigure.Save(curve, prediction.Name ?? "Model", plotPath);
            }
            return CommandOutput.Print(context, "model decision", parse.GetValue(json), [],
                writer =>
                {
                    writer.WriteNumber("n", outcome.Count);
                    writer.WriteNumber("n_excluded", outcome.Excluded);
                    ModelReport.WriteDecision(writer, curve);
                },
                output =>
                {
                    output.WriteLine($"Decision curve at {ModelCommand.Format(t)}: n = {outcome.Count}, excluded = {outcome.Excluded}, observed risk = {ReportText.Fixed(curve.ObservedRisk, 3)}");
                    var table = new TextTable("threshold", "model", "treat all", "treat none", "above threshold");
                    foreach (var p in curve.Points.Where(p => Shown.Contains(p.Threshold)))
                    {
                        table.AddRow($"{p.Threshold * 100:0}%", ReportText.Fixed(p.NetBenefit, 4), ReportText.Fixed(p.TreatAll, 4), "0.0000", $"{p.FractionAbove * 100:0.0}%");
                    }
                    table.Write(output);
                });
        });
    }
}
