using Sarc.Studies.Figures;

namespace Sarc.Cli.Commands;

/// <summary><c>sarc model validate</c>: discrimination, accuracy and calibration of a model on a data set, optionally optimism-corrected.</summary>
internal static class ModelValidateCommand
{
    public static Command Create(CliContext context)
    {
        var input = new ModelDataOptions();
        var times = ModelCommand.TimesOption("Times at which to validate, each one of the model's times (default: all of them).", required: false);
        var bootstrap = new Option<int>("--bootstrap") { Description = "Harrell's optimism correction of C and the calibration slope with this many bootstrap resamples (Cox models), as rms::validate.", DefaultValueFactory = _ => 0 };
        var seed = new Option<int>("--seed") { Description = "Seed of the bootstrap resamples: the same seed gives the same result.", DefaultValueFactory = _ => 1 };
        var plot = new Option<string>("--plot") { Description = "Write the calibration plot (.svg, .png or .pdf); with several times, one per time (file-<time>.svg)." };
        var json = CommonOptions.Json();
        return CliCommand.Create("validate", "Validate a model on data: Harrell's and Uno's C, AUC, Brier, IPA, calibration slope, in-the-large and deciles.", [.. input.All, times, bootstrap, seed, plot, json], parse =>
        {
            var resamples = parse.GetValue(bootstrap);
            if (resamples < 0)
            {
                throw new DataInputException($"--bootstrap must be 0 or a positive number of resamples, found {resamples}");
            }
            var plotPath = ModelCommand.FigureOf(parse, plot);
            var prediction = input.ReadModel(parse);
            var asked = ModelValidation.RequireModelTimes(prediction, ModelCommand.Times(parse, times));
            var table = input.ReadData(parse);
            var isJson = parse.GetValue(json);
            ModelValidationResult result;
            using (var progress = TerminalProgress.Start(context, isJson))
            {
                progress?.Stage("validating");
                result = ModelValidation.Validate(prediction, table, asked, resamples, parse.GetValue(seed),
                    progress?.For<int>(done => $"bootstrap {done}/{resamples}"));
            }
            if (plotPath is not null)
            {
                foreach (var at in result.AtTimes)
                {
                    CalibrationFigure.Save(result, at, result.AtTimes.Count == 1 ? plotPath : PerTime(plotPath, at.Time));
                }
            }
            return CommandOutput.Print(context, "model validate", isJson, result.Warnings,
                writer =>
                {
                    if (resamples > 0)
                    {
                        writer.WriteNumber("seed", parse.GetValue(seed));
                    }
                    ModelReport.WriteValidation(writer, result);
                },
                output => WriteText(output, result));
        });
    }

    /// <summary>calibration.svg at 60 → calibration-60.svg.</summary>
    private static string PerTime(string path, double time) =>
        Path.Combine(Path.GetDirectoryName(path) ?? "", $"{Path.GetFileNameWithoutExtension(path)}-{ModelCommand.Format(time)}{Path.GetExtension(path)}");

    private static void WriteText(TextWriter output, ModelValidationResult result)
    {
        var model = result.Model;
        output.WriteLine($"Validation of {model.Name ?? "the model"}: {model.Formula}");
        output.WriteLine($"n = {result.Count}, events = {result.Events}, excluded = {result.Excluded}" + (result.Extrapolated > 0 ? $", outside the fitted range = {result.Extrapolated}" : ""));
        output.WriteLine($"Calibration slope = {ReportText.Fixed(result.Slope.Estimate, 3)} (95% CI {ReportText.Fixed(result.Slope.Lower, 3)} to {ReportText.Fixed(result.Slope.Upper, 3)})");
        output.WriteLine();
        ModelCommand.WriteFigures(output, [.. result.AtTimes.Select(ValidationFigures.Of)], model.Kind == ModelKind.Cox);
        foreach (var at in result.AtTimes)
        {
            output.WriteLine();
            if (at.Groups.Count == 0)
            {
                output.WriteLine($"Calibration at {ModelCommand.Format(at.Time)}: fewer than 10 patients, no deciles");
                continue;
            }
            output.WriteLine($"Calibration at {ModelCommand.Format(at.Time)} by decile of predicted risk:");
            var deciles = new TextTable("decile", "n", "events", "predicted", "observed", "95% CI");
            foreach (var g in at.Groups)
            {
                deciles.AddRow(g.Group.ToString(System.Globalization.CultureInfo.InvariantCulture), g.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    g.Events.ToString(System.Globalization.CultureInfo.InvariantCulture), ReportText.Fixed(g.Predicted, 3), ReportText.Fixed(g.Observed.Risk, 3),
                    $"{ReportText.Fixed(g.Observed.Lower, 3)}-{ReportText.Fixed(g.Observed.Upper, 3)}");
            }
            deciles.Write(output);
        }
        if (result.Bootstrap is { } bootstrap)
        {
            output.WriteLine();
            output.WriteLine($"Optimism (Harrell's bootstrap, {bootstrap.Successful} of {bootstrap.Requested} resamples, model refitted on these data):");
            var rows = new TextTable("index", "apparent", "training", "test", "optimism", "corrected");
            foreach (var (name, row) in new[] { ("C", bootstrap.Concordance), ("Somers' D", bootstrap.SomersD), ("slope", bootstrap.Slope) })
            {
                rows.AddRow(name, ReportText.Fixed(row.Apparent, 4), ReportText.Fixed(row.Training, 4), ReportText.Fixed(row.Test, 4),
                    ReportText.Fixed(row.Optimism, 4), ReportText.Fixed(row.Corrected, 4));
            }
            rows.Write(output);
        }
    }
}
