namespace Sarc.Cli.Commands;

/// <summary><c>sarc finegray</c>: Fine-Gray subdistribution hazards regression with an R formula, as R cmprsk::crr (cencode 0).</summary>
internal static class FinegrayCommand
{
    public static Command Create(CliContext context)
    {
        var input = new FormulaDataOptions("R model formula \"Surv(time, status) ~ age + factor(grade)\", status 0 = censored and any other whole number a cause.");
        var cause = CommonOptions.Cause("The status code of the cause modelled (crr's failcode).", required: true);
        var confLevel = CommonOptions.ConfidenceLevel("Confidence level of the hazard-ratio intervals.");
        var json = CommonOptions.Json();
        return CliCommand.Create("finegray", "Fine-Gray competing-risks regression (subdistribution hazard ratios), as R cmprsk::crr.", [.. input.All, cause, confLevel, json], parse =>
        {
            var level = CommonOptions.ConfidenceLevelOf(parse, confLevel);
            var failCode = CommonOptions.CauseOf(parse, cause)!.Value;
            var parsed = input.FormulaOf(parse);
            var table = input.Read(parse, parsed);
            var analysis = FinegrayReport.Analyse(table, parsed, failCode, level);
            return CommandOutput.Print(context, "finegray", parse.GetValue(json), analysis.Fit.Warnings,
                writer => FinegrayReport.WriteJson(writer, analysis), output => WriteReadable(output, analysis));
        });
    }

    private static void WriteReadable(TextWriter output, FinegrayAnalysis analysis)
    {
        var (frame, cause, level, fit) = analysis;
        output.WriteLine($"Fine-Gray regression (cause {cause}): {frame.Formula.Text}");
        output.WriteLine($"n = {fit.Count}, events = {fit.Events}" + (frame.Excluded > 0 ? $" ({frame.Excluded} row(s) with missing values excluded)" : ""));
        output.WriteLine();
        var ci = $"{level * 100:G3}% CI";
        var table = new TextTable("term", "coef", "se", "sHR", ci, "z", "p");
        foreach (var c in fit.Coefficients)
        {
            table.AddRow(c.Term, ReportText.Number(c.Coef), ReportText.Number(c.Se), ReportText.Number(c.HazardRatio),
                $"{ReportText.Number(c.HazardRatioLower)} - {ReportText.Number(c.HazardRatioUpper)}", ReportText.Number(c.Z), ReportText.PValue(c.P));
        }
        table.Write(output);
    }
}
