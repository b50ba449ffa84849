using System.CommandLine;
using System.Globalization;
using Sarc.Cli.Output;
using Sarc.Studies.Json;
using Sarc.Data;
using Sarc.Data.Csv;
using Sarc.Data.Formulas;
using Sarc.Data.Models;
using Sarc.Data.Tables;
using Sarc.Statistics.CompetingRisks;

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
        var confLevel = new Option<double>("--conf-level") { Description = "Confidence level of the hazard-ratio intervals.", DefaultValueFactory = _ => 0.95 };
        var json = CommonOptions.Json();
        var command = new Command("finegray", "Fine-Gray competing-risks regression (subdistribution hazard ratios), as R cmprsk::crr.")
        {
            data, formula, cause, confLevel, json,
        };
        command.SetAction(parse =>
        {
            var level = parse.GetValue(confLevel);
            if (!(level > 0 && level < 1))
            {
                throw new DataInputException($"--conf-level must be between 0 and 1 (exclusive), found {level}");
            }
            var failCode = parse.GetValue(cause);
            if (failCode <= 0)
            {
                throw new DataInputException($"--cause must be a positive status code (0 is censored), found {failCode}");
            }
            var parsed = Formula.Parse(parse.GetValue(formula)!);
            if (parsed.Response.Start is not null || parsed.StrataColumns.Count > 0 || parsed.ClusterColumn is not null)
            {
                throw new DataInputException("finegray takes Surv(time, status) ~ terms, without a start time, strata() or cluster()");
            }
            var table = CsvTableReader.Read(parse.GetValue(data)!);
            var (indicatorTable, codes) = WithEventIndicator(table, parsed.Response.Event, failCode);
            var frame = ModelFrame.Build(indicatorTable, parsed);
            var n = frame.RowCount;
            var status = new int[n];
            var p = frame.Design.Length;
            var x = new double[n * p];
            for (var i = 0; i < n; i++)
            {
                status[i] = codes[frame.Rows[i]];
                for (var k = 0; k < p; k++)
                {
                    x[i * p + k] = frame.Design[k][i];
                }
            }
            if (Array.IndexOf(status, failCode) < 0)
            {
                throw new DataInputException($"{table.Source}: --cause {failCode} does not occur in column '{parsed.Response.Event}' among the {n} rows used");
            }
            FineGrayResult fit;
            try
            {
                fit = FineGray.Fit(frame.Stop, status, failCode, x, p, new FineGrayOptions { ConfidenceLevel = level });
            }
            catch (ArgumentException exception) when (exception.Message.Contains("constant", StringComparison.Ordinal))
            {
                throw new DataInputException($"{table.Source}: {exception.Message.Split(" (Parameter", StringSplitOptions.None)[0]}");
            }
            foreach (var warning in fit.Warnings)
            {
                context.Error.WriteLine($"sarc finegray: warning: {warning}");
            }
            if (parse.GetValue(json))
            {
                JsonOutput.Write(context.Output, writer =>
                {
                    writer.WriteString("formula", frame.Formula.Text);
                    writer.WriteNumber("cause", failCode);
                    writer.WriteNumber("n", fit.Count);
                    writer.WriteNumber("events", fit.Events);
                    writer.WriteNumber("n_excluded", frame.Excluded);
                    writer.WriteBoolean("converged", fit.Converged);
                    writer.WriteNumber("iterations", fit.Iterations);
                    writer.WriteNumberOrNull("loglik", fit.LogLikelihood);
                    writer.WriteNumberOrNull("loglik_null", fit.NullLogLikelihood);
                    writer.WriteNumber("conf_level", level);
                    writer.WriteStartArray("coefficients");
                    for (var k = 0; k < p; k++)
                    {
                        writer.WriteStartObject();
                        writer.WriteString("term", frame.ColumnNames[k]);
                        writer.WriteNumberOrNull("coef", fit.Coefficients[k]);
                        writer.WriteNumberOrNull("se", fit.StandardError(k));
                        writer.WriteNumberOrNull("hr", fit.HazardRatio(k));
                        writer.WriteNumberOrNull("hr_lower", fit.HazardRatioLower(k));
                        writer.WriteNumberOrNull("hr_upper", fit.HazardRatioUpper(k));
                        writer.WriteNumberOrNull("z", fit.Z(k));
                        writer.WriteNumberOrNull("p", fit.PValue(k));
                        writer.WriteEndObject();
                    }
                    writer.WriteEndArray();
                });
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
                        ReportText.Number(fit.Z(k)), ReportText.PValue(fit.PValue(k)));
                }
                table2.Write(context.Output);
            }
            return SarcApp.Success;
        });
        return command;
    }

    /// <summary>
    /// The model frame takes a 0/1 event, so the status column is replaced by "any event" (status != 0) for it, after
    /// checking every code; the codes themselves (by row of <paramref name="table"/>) are returned for the fit.
    /// </summary>
    private static (DataFrame Table, int[] Codes) WithEventIndicator(DataFrame table, string statusName, int failCode)
    {
        var column = table.Column(statusName);
        var codes = new int[table.RowCount];
        var indicator = new double[table.RowCount];
        for (var row = 0; row < table.RowCount; row++)
        {
            if (column.IsMissing(row))
            {
                indicator[row] = double.NaN;
                continue;
            }
            var text = column.TextAt(row);
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !(value >= 0) || value != Math.Floor(value) || value > int.MaxValue)
            {
                throw new DataInputException(
                    $"{table.Source}: line {table.LineNumbers[row]}: column '{statusName}': status must be 0 (censored) or a positive whole-number cause, found '{text}'");
            }
            codes[row] = (int)value;
            indicator[row] = value == 0 ? 0 : 1;
        }
        var columns = table.Columns.Select(c => c.Name == statusName ? new DataColumn(statusName, ColumnKind.Numeric, indicator, null) : c).ToList();
        return (new DataFrame(table.Source, columns, table.LineNumbers), codes);
    }
}
