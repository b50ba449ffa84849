using Sarc.Data.Analysis;
using Sarc.Statistics.Hypothesis;

namespace Sarc.Cli.Commands;

/// <summary><c>sarc correlate</c>: Pearson or Spearman correlation of one column with several, pairwise complete, as R cor.test.</summary>
internal static class CorrelateCommand
{
    public static Command Create(CliContext context)
    {
        var data = CommonOptions.Data();
        var x = CommonOptions.Column("--x", "The numeric column to correlate with each --y column.");
        var y = CommonOptions.Column("--y", "Comma-separated numeric columns, e.g. age,bmi,size_cm.");
        var method = new Option<string>("--method") { Description = "spearman (ranks; R's t approximation, exact = FALSE) or pearson.", DefaultValueFactory = _ => "spearman" };
        method.AcceptOnlyFromAmong("spearman", "pearson");
        var json = CommonOptions.Json();
        return CliCommand.Create("correlate", "Correlation tests of one column with others (pairwise complete cases), as R cor.test.", [data, x, y, method, json], parse =>
        {
            var frame = CsvTableReader.Read(parse.GetValue(data)!);
            var xName = parse.GetValue(x)!;
            var yNames = CommonOptions.NamesOf(parse, y);
            var correlationMethod = parse.GetValue(method) == "pearson" ? CorrelationMethod.Pearson : CorrelationMethod.Spearman;
            var xValues = AnalysisColumns.NumericWithMissing(frame, xName);
            var results = yNames.Select(name => (Name: name, Result: CorrelationTest.Test(xValues, AnalysisColumns.NumericWithMissing(frame, name), correlationMethod))).ToArray();
            return CommandOutput.Print(context, "correlate", parse.GetValue(json),
                results.SelectMany(r => r.Result.Warnings.Select(w => $"{xName} ~ {r.Name}: {w}")),
                writer => CorrelationReport.WriteJson(writer, correlationMethod, xName, results),
                output =>
                {
                    var table = new TextTable("x", "y", "n", correlationMethod == CorrelationMethod.Pearson ? "r" : "rho", "p");
                    foreach (var (name, result) in results)
                    {
                        table.AddRow(xName, name, result.N.ToString(System.Globalization.CultureInfo.InvariantCulture),
                            ReportText.Number(result.Estimate, 3), ReportText.PValue(result.P));
                    }
                    table.Write(output);
                });
        });
    }
}
