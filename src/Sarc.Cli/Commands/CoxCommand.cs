using Sarc.Data.Formulas;
using Sarc.Data.Models;
using Sarc.Statistics;
using Sarc.Statistics.Survival;

namespace Sarc.Cli.Commands;

/// <summary><c>sarc cox</c>: Cox proportional-hazards regression with an R formula, as R's <c>coxph</c>.</summary>
internal static class CoxCommand
{
    public static Command Create(CliContext context)
    {
        var input = new FormulaDataOptions("R model formula: \"Surv(time, event) ~ age + factor(grade) + depth*size + strata(site) + cluster(id)\" or Surv(start, stop, event) for time-dependent covariates.");
        var ties = CommonOptions.Ties("Tied event times: efron (R's default) or breslow.");
        var zph = new Option<bool>("--zph") { Description = "Also test proportional hazards (R's cox.zph, transform \"km\")." };
        var confLevel = CommonOptions.ConfidenceLevel("Confidence level of the hazard-ratio intervals.");
        var transition = new Option<string>("--transition")
        {
            Description = "FROM:TO on multistate interval data (event column = state entered, empty = censored): the Cox model of that transition, e.g. LR:DM. Needs --id.",
        };
        var id = CommonOptions.Column("--id", "Patient identifier column of multistate data (with --transition).", required: false);
        var json = CommonOptions.Json();
        var plot = new PlotOption();
        return CliCommand.Create("cox", "Cox proportional-hazards regression (hazard ratios, LR/Wald/score tests, concordance), as R's coxph.",
            [.. input.All, ties, zph, confLevel, transition, id, json, .. plot.All], parse =>
        {
            var plotFile = plot.Of(parse);
            var level = CommonOptions.ConfidenceLevelOf(parse, confLevel);
            var tieMethod = CommonOptions.TiesOf(parse, ties);
            var parsed = input.FormulaOf(parse);
            string[] idColumn = parse.GetValue(transition) is not null && parse.GetValue(id) is { } idName ? [idName] : [];
            Stages.Mark("start, options");
            var table = input.Read(parse, parsed, idColumn);
            Stages.Mark("csv");
            if (parse.GetValue(transition) is { } fromTo)
            {
                table = SelectTransition(table, parsed, fromTo, parse.GetValue(id));
            }
            var frame = ModelFrame.Build(table, parsed);
            Stages.Mark("model frame");
            var options = new CoxOptions
            {
                Ties = tieMethod,
                ConfidenceLevel = level,
                ProportionalHazardsTest = parse.GetValue(zph),
            };
            // The table and the frame's columns are read nowhere after the fit: it may keep the covariates in them.
            var fit = CoxReport.Fit(frame, options, lastUseOfDesign: true);
            PlotOption.Save(plotFile, () => Sarc.Studies.Figures.ForestFigure.Of(fit, new Dictionary<string, string>(), new Sarc.Studies.Reports.ReportLabels([])));
            var code = CommandOutput.Print(context, "cox", parse.GetValue(json), fit.Warnings,
                writer => CoxReport.WriteJson(writer, fit, frame), output => WriteText(output, fit, frame));
            Stages.Mark("output");
            return code;
        });
    }

    /// <summary>The intervals at risk for FROM → TO, with the formula's event column turned into "moved to TO".</summary>
    private static Sarc.Data.Tables.DataFrame SelectTransition(Sarc.Data.Tables.DataFrame table, Formula formula, string fromTo, string? idColumn)
    {
        var parts = fromTo.Split(':', StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
        {
            throw new DataInputException($"--transition must be FROM:TO (e.g. LR:DM), found '{fromTo}'");
        }
        if (idColumn is null)
        {
            throw new DataInputException("--transition needs --id, the patient identifier column");
        }
        if (formula.Response.Start is null)
        {
            throw new DataInputException("--transition needs counting-process data: Surv(start, stop, event) in --formula");
        }
        return TransitionData.Select(table, idColumn, formula.Response.Start, formula.Response.Event, parts[0], parts[1]);
    }

    private static void WriteText(TextWriter output, CoxResult fit, ModelFrame frame)
    {
        var percent = ReportText.Number(fit.ConfidenceLevel * 100, 3);
        output.WriteLine($"Cox regression: {frame.Formula.Text}");
        output.WriteLine($"n = {fit.N}, events = {fit.Events}, excluded (missing) = {frame.Excluded}, ties = {(fit.Ties == CoxTies.Efron ? "efron" : "breslow")}");
        output.WriteLine();
        var robust = fit.RobustVariance is not null;
        var headers = new List<string> { "term", "coef", "se" };
        if (robust)
        {
            headers.Add("robust se");
        }
        headers.AddRange(["HR", $"{percent}% CI", "z", "p"]);
        var table = new TextTable([.. headers]);
        foreach (var c in fit.Coefficients)
        {
            var cells = new List<string> { c.Term, ReportText.Fixed(c.Coef, 4), ReportText.Fixed(c.Se, 4) };
            if (robust)
            {
                cells.Add(ReportText.Fixed(c.RobustSe ?? double.NaN, 4));
            }
            cells.AddRange([
                ReportText.Fixed(c.HazardRatio, 3),
                $"{ReportText.Fixed(c.HazardRatioLower, 3)}-{ReportText.Fixed(c.HazardRatioUpper, 3)}",
                ReportText.Fixed(c.Z, 2),
                ReportText.PValue(c.P),
            ]);
            table.AddRow([.. cells]);
        }
        table.Write(output);
        output.WriteLine();
        output.WriteLine($"Concordance = {ReportText.Fixed(fit.Concordance, 3)}");
        output.WriteLine($"Likelihood ratio test = {ReportText.Fixed(fit.LikelihoodRatioTest.ChiSquare, 2)} on {fit.LikelihoodRatioTest.DegreesOfFreedom} df, p = {ReportText.PValue(fit.LikelihoodRatioTest.P)}");
        output.WriteLine($"Wald test             = {ReportText.Fixed(fit.WaldTest.ChiSquare, 2)} on {fit.WaldTest.DegreesOfFreedom} df, p = {ReportText.PValue(fit.WaldTest.P)}{(robust ? " (robust)" : "")}");
        output.WriteLine($"Score (logrank) test  = {ReportText.Fixed(fit.ScoreTest.ChiSquare, 2)} on {fit.ScoreTest.DegreesOfFreedom} df, p = {ReportText.PValue(fit.ScoreTest.P)}");
        if (fit.PhTest is { } ph)
        {
            output.WriteLine();
            output.WriteLine("Proportional hazards (cox.zph, KM time scale):");
            var zph = new TextTable("term", "chisq", "df", "p");
            foreach (var term in ph.Terms)
            {
                zph.AddRow(term.Term, ReportText.Fixed(term.ChiSquare, 3), term.DegreesOfFreedom.ToString(System.Globalization.CultureInfo.InvariantCulture), ReportText.PValue(term.P));
            }
            zph.AddRow("GLOBAL", ReportText.Fixed(ph.Global.ChiSquare, 3), ph.Global.DegreesOfFreedom.ToString(System.Globalization.CultureInfo.InvariantCulture), ReportText.PValue(ph.Global.P));
            zph.Write(output);
        }
    }
}
