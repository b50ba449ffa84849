using System.CommandLine;
using System.Globalization;
using Sarc.Cli.Output;
using Sarc.Studies.Json;
using Sarc.Data;
using Sarc.Data.Csv;
using Sarc.Data.Formulas;
using Sarc.Studies.Analyses;

namespace Sarc.Cli.Commands;

/// <summary><c>sarc finegray</c>: Fine-Gray subdistribution hazards regression with an R formula, as R cmprsk::crr (cencode 0).</summary>
internal static class FinegrayCommand
{
    public static Command Create(CliContext context)
    {
        var data = CommonOptions.Data();
        var formula = new Option<string>("--formula")
        {
            Description = "R model formula \"Surv(time, status) ~ age + factor(grade)\", status 0 = censored and any other whole number a cause.",
            Required = true,
        };
        var cause = new Option<int>("--cause") { Description = "The status code of the cause modelled (crr's failcode).", Required = true };
        var confLevel = CommonOptions.ConfidenceLevel("Confidence level of the hazard-ratio intervals.");
        var json = CommonOptions.Json();
        var command = new Command("finegray", "Fine-Gray competing-risks regression (subdistribution hazard ratios), as R cmprsk::crr.")
        {
            data, formula, cause, confLevel, json,
        };
        command.SetAction(parse =>
        {
            var level = CommonOptions.ConfidenceLevelOf(parse, confLevel);
            var failCode = parse.GetValue(cause);
            if (failCode <= 0)
            {
                throw new DataInputException($"--cause must be a positive status code (0 is censored), found {failCode}");
            }
            var parsed = Formula.Parse(parse.GetValue(formula)!);
            var table = CsvTableReader.Read(parse.GetValue(data)!, parsed.Columns);
            var analysis = FinegrayReport.Analyse(table, parsed, failCode, level);
            var (frame, _, _, fit) = analysis;
            var p = fit.Parameters;
            foreach (var warning in FinegrayReport.Warnings(analysis))
            {
                context.Error.WriteLine($"sarc finegray: warning: {warning}");
            }
            if (parse.GetValue(json))
            {
                JsonOutput.Write(context.Output, writer => FinegrayReport.WriteJson(writer, analysis));
            }
            else
            {
                context.Output.WriteLine($"Fine-Gray regression (cause {failCode}): {frame.Formula.Text}");
                context.Output.WriteLine($"n = {fit.Count}, events = {fit.Events}" + (frame.Excluded > 0 ? $" ({frame.Excluded} row(s) with missing values excluded)" : ""));
                context.Output.WriteLine();
                var ci = $"{level * 100:G3}% CI";
                var table2 = new TextTable("term", "coef", "se", "sHR", ci, "z", "p");
                for (var k = 0; k < p; k++)
                {
                    table2.AddRow(frame.ColumnNames[k], ReportText.Number(fit.Coefficients[k]), ReportText.Number(fit.StandardError(k)),
                        ReportText.Number(fit.HazardRatio(k)), $"{ReportText.Number(fit.HazardRatioLower(k))} - {ReportText.Number(fit.HazardRatioUpper(k))}",
                        ReportText.Number(fit.Z(k)), ReportText.PValue(FinegrayReport.PValue(fit, k)));
                }
                table2.Write(context.Output);
            }
            return SarcApp.Success;
        });
        return command;
    }
}
