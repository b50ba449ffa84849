using System.CommandLine;
using Sarc.Cli.Output;
using Sarc.Data;
using Sarc.Data.Csv;
using Sarc.Data.Formulas;
using Sarc.Statistics.Survival;
using Sarc.Studies.Json;
using Sarc.Studies.Prediction;

namespace Sarc.Cli.Commands;

/// <summary><c>sarc model fit</c>: fits a Cox (or, with --cause, Fine-Gray) prediction model and writes its model file.</summary>
internal static class ModelFitCommand
{
    public static Command Create(CliContext context)
    {
        var data = CommonOptions.Data();
        var formula = new Option<string>("--formula")
        {
            Description = "R formula: \"Surv(time, event) ~ rcs(age, 4) + rcs(size_cm, 3) + factor(grade) + histology\"; rcs(x, k) is rms's restricted cubic spline (k knots at Harrell's quantiles, or rcs(x, c(k1, k2, k3)) at given knots).",
            Required = true,
        };
        var cause = new Option<int?>("--cause") { Description = "Fit a Fine-Gray model of this cause on a status column (0 = censored, other codes competing), as cmprsk::crr." };
        var times = ModelCommand.TimesOption("Times at which the model keeps its baseline (predicts), comma-separated, e.g. 60,120.", required: true);
        var ties = new Option<string>("--ties") { Description = "Tied event times in a Cox model: efron (R's default) or breslow.", DefaultValueFactory = _ => "efron" };
        var name = new Option<string?>("--name") { Description = "A short name for the model, shown with its predictions." };
        var source = new Option<string?>("--source") { Description = "Where the model is published (a citation)." };
        var outPath = new Option<string>("--out") { Description = "The model file to write (YAML).", Required = true };
        var json = CommonOptions.Json();
        var command = new Command("fit", "Fit a prediction model and write its model file (coefficients, knots, levels, baseline at each time).")
        {
            data, formula, cause, times, ties, name, source, outPath, json,
        };
        command.SetAction(parse =>
        {
            var tiesName = parse.GetValue(ties);
            if (tiesName is not ("efron" or "breslow"))
            {
                throw new DataInputException($"--ties must be efron or breslow, found '{tiesName}'");
            }
            var failCode = parse.GetValue(cause);
            if (failCode is <= 0)
            {
                throw new DataInputException($"--cause must be a positive status code (0 is censored), found {failCode}");
            }
            var output = parse.GetValue(outPath)!;
            ModelCommand.PrepareOutput(output, "--out");
            var parsed = Formula.Parse(parse.GetValue(formula)!);
            var dataPath = parse.GetValue(data)!;
            var table = CsvTableReader.Read(dataPath);
            var result = ModelFitting.Fit(table, parsed, failCode, ModelCommand.Times(parse, times),
                tiesName == "breslow" ? CoxTies.Breslow : CoxTies.Efron, ModelCommand.Sha256(dataPath));
            var model = result.Model with { Name = parse.GetValue(name), Source = parse.GetValue(source) };
            ModelFile.Write(model, output);
            foreach (var warning in result.Warnings)
            {
                context.Error.WriteLine($"sarc model fit: warning: {warning}");
            }
            if (parse.GetValue(json))
            {
                JsonOutput.Write(context.Output, writer =>
                {
                    writer.WriteString("model_file", output);
                    ModelReport.WriteModel(writer, model);
                    ModelReport.WriteWarnings(writer, result.Warnings);
                });
                return SarcApp.Success;
            }
            WriteText(context.Output, model, output);
            return SarcApp.Success;
        });
        return command;
    }

    private static void WriteText(TextWriter output, PredictionModel model, string path)
    {
        var fitted = model.FittedOn!;
        output.WriteLine($"{(model.Kind == ModelKind.Cox ? "Cox" : $"Fine-Gray (cause {model.Cause})")} prediction model: {model.Formula}");
        output.WriteLine($"n = {fitted.Count}, events = {fitted.Events}, excluded (missing) = {fitted.Excluded}");
        foreach (var v in model.Variables.Where(v => v.Knots is not null))
        {
            output.WriteLine($"knots of {v.Name}: {string.Join(", ", v.Knots!.Select(k => ReportText.Number(k, 6)))}");
        }
        output.WriteLine();
        var table = new TextTable("term", "coef", "se", model.Kind == ModelKind.Cox ? "HR" : "sHR");
        foreach (var c in model.Coefficients)
        {
            table.AddRow(c.Name, ReportText.Fixed(c.Estimate, 4), c.StandardError is { } se ? ReportText.Fixed(se, 4) : "NA", ReportText.Fixed(Math.Exp(c.Estimate), 3));
        }
        table.Write(output);
        output.WriteLine();
        var baseline = new TextTable("time", model.Kind == ModelKind.Cox ? "baseline survival" : "baseline cumulative subdistribution hazard");
        foreach (var b in model.Baseline)
        {
            baseline.AddRow(ModelCommand.Format(b.Time), ReportText.Number(model.Kind == ModelKind.Cox ? Math.Exp(-b.CumulativeHazard) : b.CumulativeHazard, 6));
        }
        baseline.Write(output);
        output.WriteLine();
        output.WriteLine($"Model written to {path}");
    }
}
