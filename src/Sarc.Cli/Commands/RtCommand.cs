using Sarc.Statistics.Radiotherapy;

namespace Sarc.Cli.Commands;

/// <summary><c>sarc rt</c>: BED and EQD2 of a radiotherapy course (linear-quadratic model).</summary>
internal static class RtCommand
{
    public static Command Create(CliContext context)
    {
        var dose = new Option<double>("--dose") { Description = "Total physical dose in Gy.", Required = true };
        var fractions = new Option<int>("--fractions") { Description = "Number of fractions.", Required = true };
        var alphaBeta = new Option<double>("--alpha-beta")
        {
            Description = "Alpha/beta ratio in Gy (sarcoma: about 4).",
            DefaultValueFactory = _ => Fractionation.SarcomaAlphaBeta,
        };
        var json = CommonOptions.Json();
        return CliCommand.Create("rt", "Biologically effective dose (BED) and 2-Gy equivalent dose (EQD2) of a radiotherapy course.", [dose, fractions, alphaBeta, json], parse =>
        {
            var totalDose = parse.GetValue(dose);
            var count = parse.GetValue(fractions);
            var ratio = parse.GetValue(alphaBeta);
            if (!(totalDose > 0) || !double.IsFinite(totalDose))
            {
                throw new DataInputException($"--dose must be a positive number of Gy, found {totalDose}");
            }
            if (count < 1)
            {
                throw new DataInputException($"--fractions must be a whole number >= 1, found {count}");
            }
            if (!(ratio > 0) || !double.IsFinite(ratio))
            {
                throw new DataInputException($"--alpha-beta must be a positive number of Gy, found {ratio}");
            }
            var bed = Fractionation.BiologicallyEffectiveDose(totalDose, count, ratio);
            var eqd2 = Fractionation.EquivalentDoseIn2GyFractions(totalDose, count, ratio);
            return CommandOutput.Print(context, "rt", parse.GetValue(json), [],
                writer =>
                {
                    writer.WriteNumber("dose_gy", totalDose);
                    writer.WriteNumber("fractions", count);
                    writer.WriteNumber("dose_per_fraction_gy", totalDose / count);
                    writer.WriteNumber("alpha_beta", ratio);
                    writer.WriteNumber("bed", bed);
                    writer.WriteNumber("eqd2", eqd2);
                },
                output =>
                {
                    output.WriteLine($"{ReportText.Number(totalDose)} Gy in {count} fractions ({ReportText.Number(totalDose / count)} Gy per fraction), alpha/beta = {ReportText.Number(ratio)} Gy");
                    output.WriteLine($"BED  = {ReportText.Fixed(bed, 2)} Gy");
                    output.WriteLine($"EQD2 = {ReportText.Fixed(eqd2, 2)} Gy");
                });
        });
    }
}
