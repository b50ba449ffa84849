namespace Sarc.Cli.Commands;

/// <summary><c>sarc model recalibrate</c>: re-estimates a model's baseline (and slope) on local data and writes the updated model file.</summary>
internal static class ModelRecalibrateCommand
{
    public static Command Create(CliContext context)
    {
        var input = new ModelDataOptions();
        var times = ModelCommand.TimesOption("Times at which the recalibrated model keeps its baseline, e.g. 60,120.", required: true);
        var method = new Option<string>("--method") { Description = "intercept: re-estimate the baseline; slope: also one slope for the linear predictor.", DefaultValueFactory = _ => "intercept" };
        var outPath = CommonOptions.Out("The recalibrated model file to write.");
        var json = CommonOptions.Json();
        return CliCommand.Create("recalibrate", "Recalibrate a (published) model on local data: baseline (intercept) or baseline and slope.", [.. input.All, times, method, outPath, json], parse =>
        {
            var how = parse.GetValue(method) switch
            {
                "intercept" => RecalibrationMethod.Intercept,
                "slope" => RecalibrationMethod.Slope,
                var other => throw new DataInputException($"--method must be intercept or slope, found '{other}'"),
            };
            var output = ModelCommand.OutputOf(parse, outPath);
            var original = input.ReadModel(parse);
            var dataPath = input.DataPath(parse);
            var recalibrated = Recalibration.Recalibrate(original, CsvTableReader.Read(dataPath), how, ModelCommand.Times(parse, times), ModelCommand.Sha256(dataPath));
            ModelFile.Write(recalibrated, output);
            return CommandOutput.Print(context, "model recalibrate", parse.GetValue(json), [],
                writer =>
                {
                    writer.WriteString("model_file", output);
                    writer.WriteString("method", recalibrated.Recalibrated!.Method);
                    writer.WriteNumberOrNull("slope", recalibrated.Recalibrated.Slope);
                    ModelReport.WriteModel(writer, recalibrated);
                },
                text => WriteText(text, original, recalibrated, output));
        });
    }

    private static void WriteText(TextWriter output, PredictionModel original, PredictionModel recalibrated, string path)
    {
        var on = recalibrated.Recalibrated!.On;
        output.WriteLine($"Recalibrated ({recalibrated.Recalibrated.Method}) on {on.Data}: n = {on.Count}, events = {on.Events}, excluded = {on.Excluded}");
        output.WriteLine($"Slope of the linear predictor = {ReportText.Number(recalibrated.Recalibrated.Slope, 6)}");
        output.WriteLine();
        var table = new TextTable("time", original.PredictsSurvival ? "baseline survival" : "baseline cumulative subdistribution hazard", "before");
        foreach (var b in recalibrated.Baseline)
        {
            var before = original.BaselineAt(b.Time);
            table.AddRow(ModelCommand.Format(b.Time), Baseline(original, b.CumulativeHazard), before is { } h ? Baseline(original, h) : "-");
        }
        table.Write(output);
        output.WriteLine();
        output.WriteLine($"Model written to {path}");
    }

    private static string Baseline(PredictionModel model, double hazard) =>
        ReportText.Number(model.PredictsSurvival ? Math.Exp(-hazard) : hazard, 6);
}
