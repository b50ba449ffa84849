using System.Text.Json;
using Sarc.Data.Tables;
using Sarc.Studies.Definitions;
using Sarc.Studies.Reports;
using Sarc.Studies.Running;

namespace Sarc.Cli.Commands;

/// <summary>
/// <c>sarc study validate FILE</c> lists every mistake of a study definition with its YAML line (exit 2);
/// <c>sarc study run FILE (--db D | --data PATH) --out DIR</c> runs it on the registry alone and writes the report.
/// </summary>
internal static class StudyCommand
{
    public static Command Create(CliContext context) =>
        new("study", "Study definitions (YAML): validate them, or run one into a report folder.")
        {
            Validate(context),
            Run(context),
            Verify(context),
        };

    private static Command Validate(CliContext context)
    {
        var files = new Argument<string[]>("FILE") { Description = "Study definition files (YAML).", Arity = ArgumentArity.OneOrMore };
        return CliCommand.Create("validate", "Check study definitions: unknown fields, analysis kinds, columns and formula terms, each with its line.", [files], parse =>
        {
            var (studies, failed) = ParseAll(context, parse.GetValue(files)!);
            foreach (var (file, study) in studies)
            {
                context.Output.WriteLine($"{file}: ok ({study.Id}, {study.Analyses.Count} analyses)");
            }
            return failed ? SarcApp.UserError : SarcApp.Success;
        });
    }

    private static Command Run(CliContext context)
    {
        var files = new Argument<string[]>("FILE") { Description = "Study definition files (YAML).", Arity = ArgumentArity.OneOrMore };
        var db = new Option<string>("--db") { Description = "The registry: an SQLite file or a postgres:// URL." };
        var data = new Option<string>("--data") { Description = "Instead of --db: registry files as sarc import reads them (a long-format folder or .xlsx, or the flat template), read without a database." };
        var output = CommonOptions.Out("Report folder (index.html, figures, tables, results.json).");
        var figures = FigureCommandOptions.ForReports();
        return CliCommand.Create("run", "Run study definitions on the registry and write the report.", [files, db, data, output, .. figures.All], parse =>
        {
            var figureOptions = figures.Parse(parse);
            var (parsed, failed) = ParseAll(context, parse.GetValue(files)!);
            // A definition error stops before anything is written.
            if (failed)
            {
                return SarcApp.UserError;
            }
            var studies = parsed.ConvertAll(p => p.Study);
            var dbPath = parse.GetValue(db);
            var dataPath = parse.GetValue(data);
            if ((dbPath is null) == (dataPath is null))
            {
                throw new DataInputException("give the registry with exactly one of --db or --data");
            }
            DataFrame dataset;
            string folder;
            DataSnapshot snapshot;
            if (dbPath is not null)
            {
                using var store = RegistryStore.OpenExisting(dbPath);
                folder = CommonOptions.CreateReportFolder(parse.GetValue(output)!);
                (dataset, snapshot) = LoadRegistry(store, dbPath);
            }
            else
            {
                (dataset, snapshot) = StudyData.LoadWithSnapshot(dataPath!);
                folder = CommonOptions.CreateReportFolder(parse.GetValue(output)!);
            }
            var provenance = Provenance.Create(CommandLine(parse), snapshot, TimeProvider.System);
            StudyResult[] results;
            string index;
            using (var progress = TerminalProgress.Start(context, json: false))
            {
                results = RunAll(studies, dataset, progress, "sarc study run");
                progress?.Stage("sarc study run: writing the report (figures, tables, results.json)…");
                index = HtmlReport.Write(folder, results, $"{dataset.RowCount} patients from {Path.GetFileName(dbPath ?? dataPath!)}",
                    new ReportOptions { Figures = figureOptions, Provenance = provenance });
            }
            Summary(context.Output, results);
            context.Output.WriteLine($"Report: {index}");
            return SarcApp.Success;
        });
    }

    private static Command Verify(CliContext context)
    {
        var report = new Argument<string>("REPORT_DIR") { Description = "A report folder written by study run or demo (its results.json)." };
        var db = new Option<string>("--db") { Description = "The registry to re-run the studies on: an SQLite file or a postgres:// URL.", Required = true };
        return CliCommand.Create("verify", "Re-run a report's studies on a registry and check that results.json comes out identical (exit 0) or name the first difference (exit 2).", [report, db], parse =>
        {
            var folder = parse.GetValue(report)!;
            var path = Path.Combine(folder, "results.json");
            if (!File.Exists(path))
            {
                throw new DataInputException($"{path}: no results.json in the report folder");
            }
            using var expected = ParseJson(path);
            var studies = ReportVerifier.Studies(expected.RootElement, path);
            var dbPath = parse.GetValue(db)!;
            StudyResult[] results;
            DataSnapshot snapshot;
            using (var store = RegistryStore.OpenExisting(dbPath))
            {
                DataFrame dataset;
                (dataset, snapshot) = LoadRegistry(store, dbPath);
                using var progress = TerminalProgress.Start(context, json: false);
                results = RunAll(studies, dataset, progress, "sarc study verify");
            }
            var provenance = Provenance.Create(CommandLine(parse), snapshot, TimeProvider.System);
            using var actual = JsonDocument.Parse(ResultsJson.Write(results, provenance));
            if (ReportVerifier.FirstDifference(expected.RootElement, actual.RootElement) is { } difference)
            {
                context.Error.WriteLine($"{path}: not reproduced: {difference}");
                return SarcApp.UserError;
            }
            context.Output.WriteLine($"{path}: reproduced ({studies.Count} studies, data snapshot {snapshot.Sha256[..12]}, audit chain head {snapshot.AuditHead?.ToString() ?? "none"})");
            return SarcApp.Success;
        });
    }

    /// <summary>Parses every definition file, each mistake with its line on stderr; the studies of the files without one, and whether any had one.</summary>
    private static (List<(string File, StudyDefinition Study)> Studies, bool Failed) ParseAll(CliContext context, string[] files)
    {
        var studies = new List<(string File, StudyDefinition Study)>();
        var failed = false;
        foreach (var file in files)
        {
            var result = StudyParser.ParseFile(file);
            foreach (var error in result.Errors)
            {
                context.Error.WriteLine(error.ToString());
            }
            if (result.Success)
            {
                studies.Add((file, result.Study!));
            }
            failed |= !result.Success;
        }
        return (studies, failed);
    }

    private static JsonDocument ParseJson(string path)
    {
        try
        {
            return JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (JsonException e)
        {
            throw new DataInputException($"{path}: not valid JSON ({e.Message})");
        }
    }

    /// <summary>The dataset of the registry and the snapshot of its data for the provenance.</summary>
    internal static (DataFrame Dataset, DataSnapshot Snapshot) LoadRegistry(IRegistryStore store, string source)
    {
        var name = source.Contains("://", StringComparison.Ordinal) || source.Contains("Host=", StringComparison.OrdinalIgnoreCase) ? "PostgreSQL registry" : Path.GetFileName(source);
        return StudyData.FromRegistryWithSnapshot(store, name);
    }

    /// <summary>The command as the provenance states it: the command's name and the definition files or report it was given.</summary>
    /// <remarks>A PostgreSQL URL or connection string is left out: it may carry a password.</remarks>
    internal static string CommandLine(ParseResult parse) =>
        "sarc " + string.Join(" ", parse.Tokens.Select(t => t.Value).Where(v => !v.Contains("://", StringComparison.Ordinal) && !v.Contains("Password", StringComparison.OrdinalIgnoreCase)));

    /// <summary>Runs <paramref name="studies"/> in order, naming each on the terminal's progress line while it runs.</summary>
    internal static StudyResult[] RunAll(IReadOnlyList<StudyDefinition> studies, DataFrame dataset, TerminalProgress? progress, string command)
    {
        var results = new StudyResult[studies.Count];
        for (var i = 0; i < studies.Count; i++)
        {
            progress?.Stage($"{command}: running {studies[i].Id} ({i + 1} of {studies.Count})…");
            results[i] = StudyRunner.Run(studies[i], dataset);
        }
        return results;
    }

    /// <summary>One line per study and per analysis that did not run.</summary>
    internal static void Summary(TextWriter output, IReadOnlyList<StudyResult> results)
    {
        foreach (var result in results)
        {
            var failed = result.Analyses.Where(a => a.Error is not null).ToArray();
            output.WriteLine($"{result.Definition.Id}: {result.N} patients, {result.Analyses.Count - failed.Length} of {result.Analyses.Count} analyses run");
            foreach (var analysis in failed)
            {
                output.WriteLine($"  {analysis.Id} ({analysis.Kind}) not run: {analysis.Error}");
            }
        }
    }
}
