using System.CommandLine;
using Sarc.Cli.Output;
using Sarc.Data.Csv;
using Sarc.Statistics.Survival;
using Sarc.Studies.Analyses;

namespace Sarc.Cli.Commands;

/// <summary>
/// <c>sarc demo</c>: the README's first command. Writes the bundled example cohort to the output folder and runs the
/// overall-survival analysis on it (Kaplan-Meier by grade, log-rank, follow-up), printing the table and saving the JSON.
/// </summary>
internal static class DemoCommand
{
    private const string ExampleResource = "Sarc.Cli.examples.sarcoma.csv";

    public static Command Create(CliContext context)
    {
        var outDirectory = new Option<string>("--out") { Description = "Folder for the demo's files.", DefaultValueFactory = _ => "demo-report" };
        var command = new Command("demo", "Run the demo: overall survival by grade on the bundled example cohort.") { outDirectory };
        command.SetAction(parse =>
        {
            var folder = Path.GetFullPath(parse.GetValue(outDirectory)!);
            Directory.CreateDirectory(folder);
            var dataPath = Path.Combine(folder, "sarcoma.csv");
            using (var resource = typeof(DemoCommand).Assembly.GetManifestResourceStream(ExampleResource)
                ?? throw new InvalidOperationException($"The example cohort ({ExampleResource}) is not embedded."))
            using (var file = File.Create(dataPath))
            {
                resource.CopyTo(file);
            }
            var analysis = KmReport.Analyse(CsvTableReader.Read(dataPath), "os_months", "death", "grade",
                KaplanMeierOptions.Default, [12, 24, 60]);
            context.Output.WriteLine($"Overall survival by FNCLCC grade, example cohort ({dataPath})");
            context.Output.WriteLine();
            KmCommand.WriteReadable(context.Output, analysis);
            var jsonPath = Path.Combine(folder, "km-os-by-grade.json");
            using (var writer = new StreamWriter(jsonPath))
            {
                JsonOutput.Write(writer, json => KmReport.WriteJson(json, analysis));
            }
            context.Output.WriteLine();
            context.Output.WriteLine($"Results written to {jsonPath}");
            return SarcApp.Success;
        });
        return command;
    }
}
