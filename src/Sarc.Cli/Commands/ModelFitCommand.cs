using Sarc.Data.Formulas;
using Sarc.Data.Tables;
using Sarc.Registry.Endpoints;
using Sarc.Statistics.Survival;
using Sarc.Studies.Data;
using Sarc.Studies.Reports;
using Sarc.Studies.Running;

namespace Sarc.Cli.Commands;

/// <summary>
/// <c>sarc model fit</c>: fits a Cox (or, with --cause, Fine-Gray) prediction model and writes its model file, on a CSV
/// (<c>--data</c>) or on the registry's study dataset (<c>--db</c> with <c>--endpoint</c>), recording the data's SHA-256:
/// of the file's bytes, or of the registry's canonical export (the data snapshot of a study report's provenance).
/// </summary>
internal static class ModelFitCommand
{
    public static Command Create(CliContext context)
    {
        var data = new Option<string>("--data") { Description = "Input CSV file with a header row (NA or empty = missing); or give --db and --endpoint." };
        var db = new Option<string>("--db") { Description = "Instead of --data: fit on the registry's study dataset (an SQLite file or a postgres:// URL); the model records the SHA-256 of the registry's canonical export." };
        var endpoint = new Option<string>("--endpoint") { Description = $"With --db: the outcome, an endpoint of the study dataset ({string.Join(", ", StudyFields.Endpoints)}); --formula then gives only the terms." };
        var formula = CommonOptions.Formula("R formula: \"Surv(time, event) ~ rcs(age, 4) + rcs(size_cm, 3) + factor(grade) + histology\" (with --endpoint only \"~ terms\"); rcs(x, k) is rms's restricted cubic spline (k knots at Harrell's quantiles, or rcs(x, c(k1, k2, k3)) at given knots).");
        var cause = CommonOptions.Cause("Fit a Fine-Gray model of this cause on a status column (0 = censored, other codes competing), as cmprsk::crr.", required: false);
        var times = ModelCommand.TimesOption("Times at which the model keeps its baseline (predicts), comma-separated, e.g. 60,120.", required: true);
        var ties = CommonOptions.Ties("Tied event times in a Cox model: efron (R's default) or breslow.");
        var name = new Option<string?>("--name") { Description = "A short name for the model, shown with its predictions." };
        var source = new Option<string?>("--source") { Description = "Where the model is published (a citation)." };
        var outPath = CommonOptions.Out("The model file to write (YAML).");
        var json = CommonOptions.Json();
        return CliCommand.Create("fit", "Fit a prediction model and write its model file (coefficients, knots, levels, baseline at each time).", [data, db, endpoint, formula, cause, times, ties, name, source, outPath, json], parse =>
        {
            var tieMethod = CommonOptions.TiesOf(parse, ties);
            var failCode = CommonOptions.CauseOf(parse, cause);
            var output = ModelCommand.OutputOf(parse, outPath);
            var modelTimes = ModelCommand.Times(parse, times);
            var dbPath = parse.GetValue(db);
            var dataPath = parse.GetValue(data);
            if ((dbPath is null) == (dataPath is null))
            {
                throw new DataInputException("give the data with exactly one of --data FILE or --db REGISTRY (with --endpoint)");
            }
            ModelFitResult result;
            if (dataPath is not null)
            {
                if (parse.GetValue(endpoint) is not null)
                {
                    throw new DataInputException("--endpoint goes with --db (the registry's endpoints); with --data give the outcome as Surv(time, event) in --formula");
                }
                var table = CsvTableReader.Read(dataPath);
                result = ModelFitting.Fit(table, CommonOptions.FormulaOf(parse, formula), failCode, modelTimes, tieMethod, ModelCommand.Sha256(dataPath));
            }
            else
            {
                var outcome = parse.GetValue(endpoint) ?? throw new DataInputException("--db needs --endpoint: the outcome the model predicts (e.g. --endpoint os)");
                var parsed = Formula.Parse(EndpointFormula(outcome, parse.GetValue(formula)!, failCode));
                DataFrame dataset;
                DataSnapshot snapshot;
                using (var store = RegistryStore.OpenExisting(dbPath!))
                {
                    (dataset, snapshot) = StudyCommand.LoadRegistry(store, dbPath!);
                }
                result = ModelFitting.Fit(dataset, parsed, failCode, modelTimes, tieMethod, snapshot.Sha256);
                result = result with { Model = result.Model with { FittedOn = result.Model.FittedOn! with { Data = snapshot.Source } } };
            }
            var model = result.Model with { Name = parse.GetValue(name), Source = parse.GetValue(source) };
            ModelFile.Write(model, output);
            return CommandOutput.Print(context, "model fit", parse.GetValue(json), result.Warnings,
                writer =>
                {
                    writer.WriteString("model_file", output);
                    ModelReport.WriteModel(writer, model);
                    ModelReport.WriteWarnings(writer, result.Warnings);
                },
                text => WriteText(text, model, output));
        });
    }

    /// <summary>
    /// <c>Surv(ENDPOINT_months, ENDPOINT_event) ~ terms</c> for an endpoint of the study dataset: the formula may be
    /// only its terms (with or without the <c>~</c>), a competing-risks endpoint needs <c>--cause</c> and only it takes one.
    /// </summary>
    /// <exception cref="DataInputException">An unknown endpoint, a formula with its own outcome, a cause that does not fit the endpoint.</exception>
    private static string EndpointFormula(string endpoint, string formula, int? cause)
    {
        if (!StudyFields.Endpoints.Contains(endpoint))
        {
            throw new DataInputException($"--endpoint: '{endpoint}' is not an endpoint (one of: {string.Join(", ", StudyFields.Endpoints)})");
        }
        var tilde = formula.IndexOf('~', StringComparison.Ordinal);
        if (tilde > 0 && formula[..tilde].Trim().Length > 0)
        {
            throw new DataInputException($"--formula: with --endpoint give only the terms (\"~ {formula[(tilde + 1)..].Trim()}\"); the endpoint is the outcome");
        }
        var competing = ReportWords.CauseNames(endpoint).Count > 0;
        if (competing && cause is null)
        {
            throw new DataInputException($"--endpoint {endpoint} is a competing-risks endpoint: give --cause (1 = the event, 2 = death without it) for a Fine-Gray model");
        }
        if (!competing && cause is not null)
        {
            throw new DataInputException($"--cause needs a competing-risks endpoint (lr_cr, dm_cr); {endpoint} is modelled by Cox regression");
        }
        return $"{EndpointNames.Response(endpoint)} ~ {formula[(tilde + 1)..].Trim()}";
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
