using Sarc.Registry;

namespace Sarc.Cli.Commands;

/// <summary>
/// <c>sarc import</c>: validates the long format (a folder of CSV files or an .xlsx workbook with the six sheets) or
/// the flat template (CSV, or a workbook without those sheets), and imports it all or nothing, audited.
/// </summary>
internal static class ImportCommand
{
    public static Command Create(CliContext context)
    {
        var common = new ImportOptions();
        var file = new Argument<string>("PATH") { Description = "A long-format folder or .xlsx workbook, or the flat template (CSV or .xlsx); header rows required (see docs/formats.md)." };
        return CliCommand.Create("import", "Import patients from the long format or the flat template: every row valid or nothing changes.", [.. common.All, file], parse =>
        {
            var path = parse.GetValue(file)!;
            var database = parse.GetValue(common.Db)!;
            ImportResult result;
            using (var terminal = TerminalProgress.Start(context, parse.GetValue(common.Json)))
            {
                result = RegistryImporter.ImportFile(database, path, parse.GetValue(common.Update), RegistryOptions.Audit(parse, common.Reason),
                    ImportOptions.Progress(terminal, "import", "row"), RegistryOptions.AsOfValue(parse, common.AsOf));
            }
            if (!result.Succeeded)
            {
                return ImportOptions.Problems(context, "import", path, [.. result.Errors.Select(e => (e.ToString(), e.Kind))]);
            }
            return CommandOutput.Print(context, "import", parse.GetValue(common.Json), [],
                w =>
                {
                    w.WriteString("file", path);
                    w.WriteString("database", database);
                    w.WriteNumber("inserted", result.Inserted);
                    w.WriteNumber("updated", result.Updated);
                    w.WriteNumber("unchanged", result.Unchanged);
                },
                output => output.WriteLine($"{path}: {result.Inserted} new, {result.Updated} updated, {result.Unchanged} unchanged patients in {Describe(database)}"));
        });
    }

    /// <summary>The database for the summary line, without a PostgreSQL password.</summary>
    internal static string Describe(string db) =>
        RegistryStore.IsPostgres(db) ? System.Text.RegularExpressions.Regex.Replace(db, @"(?i)(password=)[^;]*|(://[^:/@]*:)[^@]*@", m => m.Groups[1].Success ? m.Groups[1].Value + "***" : m.Groups[2].Value + "***@") : db;
}
