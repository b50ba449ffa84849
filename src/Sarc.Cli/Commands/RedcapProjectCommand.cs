using Sarc.Interop.Redcap;

namespace Sarc.Cli.Commands;

/// <summary>
/// <c>sarc redcap project</c>: writes Sarc's REDCap project — the data dictionary a center uploads to create the project,
/// and the list of its repeating instruments — as committed in <c>interop/redcap/</c>.
/// </summary>
internal static class RedcapProjectCommand
{
    public const string DictionaryFile = "sarc_data_dictionary.csv";
    public const string RepeatingFile = "repeating_instruments.csv";

    public static Command Create(CliContext context)
    {
        var output = CommonOptions.Out("The folder to write sarc_data_dictionary.csv and repeating_instruments.csv into (created when absent).");
        var command = new Command("project", "Write Sarc's REDCap project: the data dictionary (REDCap's 18 columns) and the repeating instruments.")
        {
            output,
        };
        command.SetAction(parse =>
        {
            var folder = parse.GetValue(output)!;
            try
            {
                Directory.CreateDirectory(folder);
                File.WriteAllText(Path.Combine(folder, DictionaryFile), SarcRedcapProject.Dictionary.ToString());
                File.WriteAllText(Path.Combine(folder, RepeatingFile), SarcRedcapProject.RepeatingInstrumentsCsv());
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new DataInputException($"--out: '{folder}' cannot be written: {e.Message}");
            }
            var d = SarcRedcapProject.Dictionary;
            context.Output.WriteLine($"{Path.Combine(folder, DictionaryFile)}: {d.Fields.Count} fields on {d.Forms.Count} instruments");
            context.Output.WriteLine($"{Path.Combine(folder, RepeatingFile)}: {SarcRedcapProject.Instruments.Count(i => i.Repeating)} repeating instruments");
            return SarcApp.Success;
        });
        return command;
    }
}
