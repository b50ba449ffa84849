using Sarc.Interop;
using Sarc.Registry;
using Sarc.Registry.Template;

namespace Sarc.Cli.Commands;

/// <summary>
/// What every import shares (<c>sarc import</c>, <c>sarc redcap import</c>/<c>pull</c>, <c>sarc fhir import</c>):
/// <c>--db</c>, <c>--update</c>, <c>--reason</c>, <c>--as-of</c>, <c>--json</c>, the progress line, the list of
/// problems (exit 2, nothing imported) and, for the imports from other formats, the run and its summary.
/// </summary>
internal sealed class ImportOptions : OptionSet
{
    public Option<string> Db { get; } = RegistryOptions.Db();

    public Option<bool> Update { get; } = new("--update") { Description = "Allow patients already in the registry; each changed value, added and removed entry is audited." };

    public Option<string?> Reason { get; } = RegistryOptions.Reason("Why the data is imported or changed; kept in every audit record of this import.");

    public Option<string> AsOf { get; } = RegistryOptions.AsOf("Today's date for the check that no date lies in the future (YYYY-MM-DD; default: today).");

    public Option<bool> Json { get; } = CommonOptions.Json();

    public override IEnumerable<Option> All => [Db, Update, Reason, AsOf, Json];

    /// <summary>
    /// The progress line of an import's stages on <paramref name="terminal"/> (null when none is drawn);
    /// <paramref name="item"/> is what the import checks one by one: <c>row</c> (the registry's files) or <c>record</c>.
    /// </summary>
    public static IProgress<ImportProgress>? Progress(TerminalProgress? terminal, string command, string item) =>
        terminal?.For<ImportProgress>(progress => progress.Stage switch
        {
            "validating" => $"sarc {command}: validating resource {progress.Done:N0} of {progress.Total:N0}…",
            "checking" => $"sarc {command}: checking every {item}…",
            _ => $"sarc {command}: writing {progress.Done:N0} of {progress.Total:N0} patients ({100L * progress.Done / Math.Max(1, progress.Total)} %)",
        });

    /// <summary>
    /// Runs an import from another format: <paramref name="import"/> gets the registry, the audit context, "today"
    /// (<c>--as-of</c>, else the audit clock's date) and the progress line; then prints what it did, or every problem.
    /// <paramref name="source"/> is the file or API the records come from, as the summary names it, and
    /// <paramref name="unit"/> what it holds: <c>records</c> or <c>patients</c>.
    /// </summary>
    public int Run(CliContext context, ParseResult parse, string command, string source, string unit, Func<ImportRun, MappedImportResult> import)
    {
        var database = parse.GetValue(Db)!;
        var audit = RegistryOptions.Audit(parse, Reason);
        var today = RegistryOptions.AsOfValue(parse, AsOf) ?? DateOnly.FromDateTime(audit.Clock.GetLocalNow().DateTime);
        MappedImportResult result;
        using (var terminal = TerminalProgress.Start(context, parse.GetValue(Json)))
        {
            result = import(new ImportRun(() => RegistryStore.Open(database), parse.GetValue(Update), audit, today, terminal, Progress(terminal, command, "record")));
        }
        if (!result.Succeeded)
        {
            return Problems(context, command, source, [.. result.Problems.Select(p => (p.Text, p.Kind))]);
        }
        return CommandOutput.Print(context, command, parse.GetValue(Json), [],
            w =>
            {
                w.WriteString("source", source);
                w.WriteString("database", ImportCommand.Describe(database));
                w.WriteNumber(unit, result.Records);
                w.WriteNumber("inserted", result.Inserted);
                w.WriteNumber("updated", result.Updated);
                w.WriteNumber("unchanged", result.Unchanged);
            },
            output => output.WriteLine($"{source}: {result.Records} {unit}; {result.Inserted} new, {result.Updated} updated, {result.Unchanged} unchanged patients in {ImportCommand.Describe(database)}"));
    }

    /// <summary>Every problem of a failed import, one line each, so that the whole source can be fixed in one pass; exit 2.</summary>
    public static int Problems(CliContext context, string command, string source, IReadOnlyList<(string Text, ImportErrorKind Kind)> problems)
    {
        context.Error.WriteLine($"sarc {command}: {source}: {problems.Count} problem{(problems.Count == 1 ? "" : "s")}, nothing imported");
        foreach (var (text, kind) in problems)
        {
            context.Error.WriteLine(kind == ImportErrorKind.AlreadyInRegistry ? $"{text} (use --update to change it)" : text);
        }
        return SarcApp.UserError;
    }
}
