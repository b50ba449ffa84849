using System.Diagnostics;
using Sarc.Data.Tables;
using Sarc.Studies.Definitions;
using Sarc.Studies.Reports;
using Sarc.Studies.Running;
using Sarc.Studies.Simulation;

namespace Sarc.Cli.Commands;

/// <summary>
/// <c>sarc demo</c>: the README's first command. Simulates a registry with the seed studies' true effects, runs the
/// five seed studies (<see cref="StudyCatalog.BuiltIn"/>) and writes the report: <c>index.html</c>, figures (SVG, PNG),
/// tables (CSV) and <c>results.json</c>.
/// </summary>
internal static class DemoCommand
{
    public static Command Create(CliContext context)
    {
        var outDirectory = new Option<string>("--out") { Description = "Report folder.", DefaultValueFactory = _ => "demo-report" };
        var patients = new Option<int>("--patients") { Description = "Patients in the simulated registry (at least 50).", DefaultValueFactory = _ => SimulationOptions.Default.Patients };
        var seed = new Option<int>("--seed") { Description = "Random seed of the simulation.", DefaultValueFactory = _ => SimulationOptions.Default.Seed };
        var figures = FigureCommandOptions.ForReports();
        return CliCommand.Create("demo", "Run the demo: simulate a registry, run the five seed studies, write the report (index.html, figures, results.json).",
            [outDirectory, patients, seed, .. figures.All], parse =>
        {
            var figureOptions = figures.Parse(parse);
            var count = parse.GetValue(patients);
            if (count < 50)
            {
                throw new Sarc.Data.DataInputException($"--patients must be at least 50, found {count}");
            }
            var clock = Stopwatch.StartNew();
            var folder = CommonOptions.CreateReportFolder(parse.GetValue(outDirectory)!);
            var options = SimulationOptions.Default with { Patients = count, Seed = parse.GetValue(seed) };
            var database = Path.Combine(folder, "data", "registry.db");
            StudyResult[] results;
            string index;
            using (var progress = TerminalProgress.Start(context, json: false))
            {
                progress?.Stage($"sarc demo: simulating {count:N0} patients…");
                var registry = RegistrySimulator.Write(Path.Combine(folder, "data", "registry"), options);
                progress?.Stage($"sarc demo: importing {count:N0} patients into the registry…");
                DataFrame dataset;
                DataSnapshot snapshot;
                using (var store = StudyData.ImportNew(registry.Folder, database, new AuditContext("sarc demo", TimeProvider.System)))
                {
                    (dataset, snapshot) = StudyCommand.LoadRegistry(store, database);
                }
                results = StudyCommand.RunAll(StudyCatalog.BuiltIn.Studies, dataset, progress, "sarc demo");
                progress?.Stage("sarc demo: writing the report (figures, tables, results.json)…");
                index = HtmlReport.Write(folder, results,
                    $"Demo registry: {count} simulated patients (seed {options.Seed}): each seed study's cohort with its paper's size, case mix and published effects as the simulation's truth (at {SimulationOptions.PaperScalePatients} patients the papers' sizes), and a general cohort with LR→DM HR {options.LrToDmHazardRatio}, LR→death {options.LrToDeathHazardRatio}, DM→death {options.DmToDeathHazardRatio}, high grade {options.HighGradeDmHazardRatio} for DM (docs/studies.md).",
                    new ReportOptions { Figures = figureOptions, Provenance = Provenance.Create(StudyCommand.CommandLine(parse), snapshot, TimeProvider.System) });
            }
            context.Output.WriteLine($"Simulated registry: {count} patients (seed {options.Seed}) imported into {database}");
            StudyCommand.Summary(context.Output, results);
            context.Output.WriteLine($"Report: {index} ({clock.Elapsed.TotalSeconds:F1} s)");
            return SarcApp.Success;
        });
    }
}
