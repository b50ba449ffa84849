using System.CommandLine;
using Sarc.Cli.Output;
using Sarc.Interop;
using Sarc.Registry;
using Sarc.Registry.Audit;
using Sarc.Registry.Template;

namespace Sarc.Cli.Commands;

/// <summary>
/// What the imports from other formats (<c>sarc redcap import</c>/<c>pull</c>, <c>sarc fhir import</c>) share with
/// <c>sarc import</c>: <c>--db</c>, <c>--update</c>, <c>--reason</c>, <c>--as-of</c>, <c>--json</c>, the summary line
/// and the list of problems (exit 2, nothing imported).
/// </summary>
internal sealed class InteropImportOptions
{
    public Option<string> Db { get; } = RegistryOptions.Db();

    public Option<bool> Update { get; } = new("--update") { Description = "Allow patients already in the registry; each change is audited." };

    public Option<string> Reason { get; } = new("--reason") { Description = "Why the data is imported; kept in every audit record of this import." };

    public Option<string> AsOf { get; } = RegistryOptions.AsOf("Today's date for the check that no date lies in the future (YYYY-MM-DD; default: today).");

    public Option<bool> Json { get; } = CommonOptions.Json();

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Db);
        command.Options.Add(Update);
        command.Options.Add(Reason);
        command.Options.Add(AsOf);
        command.Options.Add(Json);
    }

    /// <summary>The audit context of this run (the current user, the reason).</summary>
    public AuditContext Audit(ParseResult parse) => AuditContext.ForCurrentUser(ImportCommand.Reason(parse.GetValue(Reason)));

    /// <summary>"Today" for the future-date check: <c>--as-of</c>, else the audit clock's date.</summary>
    public DateOnly Today(ParseResult parse, AuditContext audit) =>
        RegistryOptions.AsOfValue(parse, AsOf) ?? DateOnly.FromDateTime(audit.Clock.GetLocalNow().DateTime);

    /// <summary>Prints what an import did, or every problem (exit 2, nothing imported).</summary>
    public int Report(CliContext context, ParseResult parse, MappedImportResult result, string command, string what, string unit)
    {
        var database = parse.GetValue(Db)!;
        if (!result.Succeeded)
        {
            context.Error.WriteLine($"sarc {command}: {what}: {result.Problems.Count} problem{(result.Problems.Count == 1 ? "" : "s")}, nothing imported");
            foreach (var problem in result.Problems)
            {
                context.Error.WriteLine(problem.Kind == ImportErrorKind.AlreadyInRegistry ? $"{problem} (use --update to change it)" : problem.ToString());
            }
            return SarcApp.UserError;
        }
        if (parse.GetValue(Json))
        {
            JsonOutput.Write(context.Output, w =>
            {
                w.WriteString("source", what);
                w.WriteString("database", ImportCommand.Describe(database));
                w.WriteNumber(unit, result.Records);
                w.WriteNumber("inserted", result.Inserted);
                w.WriteNumber("updated", result.Updated);
                w.WriteNumber("unchanged", result.Unchanged);
            });
        }
        else
        {
            context.Output.WriteLine($"{what}: {result.Records} {unit}; {result.Inserted} new, {result.Updated} updated, {result.Unchanged} unchanged patients in {ImportCommand.Describe(database)}");
        }
        return SarcApp.Success;
    }

    /// <summary>The progress line of an import's stages.</summary>
    public static string Describe(string command, ImportProgress progress) => progress.Stage switch
    {
        "validating" => $"sarc {command}: validating resource {progress.Done:N0} of {progress.Total:N0}…",
        "checking" => $"sarc {command}: checking every record…",
        _ => $"sarc {command}: writing {progress.Done:N0} of {progress.Total:N0} patients ({100L * progress.Done / Math.Max(1, progress.Total)} %)",
    };
}
