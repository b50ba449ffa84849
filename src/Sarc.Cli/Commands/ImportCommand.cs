using System.CommandLine;
using Sarc.Cli.Output;
using Sarc.Registry;
using Sarc.Registry.Audit;
using Sarc.Registry.Storage;
using Sarc.Registry.Template;

namespace Sarc.Cli.Commands;

/// <summary>
/// <c>sarc import</c>: validates the long format (a folder of CSV files or an .xlsx workbook with the six sheets) or
/// the flat template (CSV, or a workbook without those sheets), and imports it all or nothing, audited.
/// </summary>
internal static class ImportCommand
{
    public static Command Create(CliContext context)
    {
        var db = RegistryOptions.Db();
        var update = new Option<bool>("--update") { Description = "Allow rows for patients already in the registry; each changed value, added and removed entry is audited." };
        var reason = new Option<string>("--reason") { Description = "Why the data is imported or changed; kept in every audit record of this import." };
        var asOf = RegistryOptions.AsOf("Today's date for the check that no date lies in the future (YYYY-MM-DD; default: today).");
        var json = CommonOptions.Json();
        var file = new Argument<string>("PATH") { Description = "A long-format folder or .xlsx workbook, or the flat template (CSV or .xlsx); header rows required (see docs/formats.md)." };
        var command = new Command("import", "Import patients from the long format or the flat template: every row valid or nothing changes.")
        {
            db, update, reason, asOf, json, file,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            var database = parse.GetValue(db)!;
            var today = RegistryOptions.AsOfValue(parse, asOf);
            ImportResult result;
            using (var terminal = TerminalProgress.Start(context, parse.GetValue(json)))
            {
                result = RegistryImporter.ImportFile(database, path, parse.GetValue(update), AuditContext.ForCurrentUser(Reason(parse.GetValue(reason))),
                    terminal?.For<ImportProgress>(Describe), today);
            }
            if (!result.Succeeded)
            {
                // Every problem, one line each, so that the whole import can be fixed in one pass.
                context.Error.WriteLine($"sarc import: {path}: {result.Errors.Count} problem{(result.Errors.Count == 1 ? "" : "s")}, nothing imported");
                foreach (var error in result.Errors)
                {
                    context.Error.WriteLine(error.Kind == ImportErrorKind.AlreadyInRegistry ? $"{error} (use --update to change it)" : error.ToString());
                }
                return SarcApp.UserError;
            }
            if (parse.GetValue(json))
            {
                JsonOutput.Write(context.Output, w =>
                {
                    w.WriteString("file", path);
                    w.WriteString("database", database);
                    w.WriteNumber("inserted", result.Inserted);
                    w.WriteNumber("updated", result.Updated);
                    w.WriteNumber("unchanged", result.Unchanged);
                });
            }
            else
            {
                context.Output.WriteLine($"{path}: {result.Inserted} new, {result.Updated} updated, {result.Unchanged} unchanged patients in {Describe(database)}");
            }
            return SarcApp.Success;
        });
        return command;
    }

    private static string Describe(ImportProgress progress) => progress.Stage == "checking"
        ? "sarc import: checking every row…"
        : $"sarc import: writing {progress.Done:N0} of {progress.Total:N0} patients ({100L * progress.Done / Math.Max(1, progress.Total)} %)";

    /// <summary>One line, or null when blank, so that an empty --reason does not record an empty reason.</summary>
    internal static string? Reason(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim().ReplaceLineEndings(" ");

    /// <summary>The database for the summary line, without a PostgreSQL password.</summary>
    internal static string Describe(string db) =>
        RegistryStore.IsPostgres(db) ? System.Text.RegularExpressions.Regex.Replace(db, @"(?i)(password=)[^;]*|(://[^:/@]*:)[^@]*@", m => m.Groups[1].Success ? m.Groups[1].Value + "***" : m.Groups[2].Value + "***@") : db;
}
