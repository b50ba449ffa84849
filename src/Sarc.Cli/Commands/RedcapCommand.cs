using System.CommandLine;
using Sarc.Cli.Output;
using Sarc.Interop;
using Sarc.Interop.Redcap;
using Sarc.Registry;
using Sarc.Registry.Template;

namespace Sarc.Cli.Commands;

/// <summary>
/// <c>sarc redcap</c>: the registry to and from REDCap (docs/redcap.md): <c>export</c> writes records of Sarc's REDCap
/// project, <c>import</c> reads a project's records (Sarc's own, or a center's through a mapping), <c>pull</c> fetches
/// them through REDCap's API. The library is <see cref="RedcapExporter"/> and <see cref="RedcapImporter"/>.
/// </summary>
internal static class RedcapCommand
{
    public static Command Create(CliContext context) =>
        new("redcap", "REDCap: write Sarc's REDCap project, export records of Sarc's REDCap project, import a project's records (Sarc's or a center's own through a mapping), or pull them through REDCap's API.")
        {
            RedcapProjectCommand.Create(context),
            RedcapExportCommand.Create(context),
            RedcapImportCommand.Create(context),
            RedcapPullCommand.Create(context),
        };

    /// <summary>The <c>--mapping</c> option.</summary>
    public static Option<string> MappingOption(bool required) =>
        new("--mapping") { Description = "Mapping of a center's own REDCap project onto Sarc (YAML, docs/redcap.md); without it the records must be of Sarc's project.", Required = required };

    /// <summary>Prints what an import did, or every problem (exit 2, nothing imported).</summary>
    public static int Report(CliContext context, MappedImportResult result, string command, string what, string database, bool json)
    {
        if (!result.Succeeded)
        {
            context.Error.WriteLine($"sarc redcap {command}: {what}: {result.Problems.Count} problem{(result.Problems.Count == 1 ? "" : "s")}, nothing imported");
            foreach (var problem in result.Problems)
            {
                context.Error.WriteLine(problem.Kind == ImportErrorKind.AlreadyInRegistry ? $"{problem} (use --update to change it)" : problem.ToString());
            }
            return SarcApp.UserError;
        }
        if (json)
        {
            JsonOutput.Write(context.Output, w =>
            {
                w.WriteString("records", what);
                w.WriteString("database", ImportCommand.Describe(database));
                w.WriteNumber("inserted", result.Inserted);
                w.WriteNumber("updated", result.Updated);
                w.WriteNumber("unchanged", result.Unchanged);
            });
        }
        else
        {
            context.Output.WriteLine($"{what}: {result.Records} records; {result.Inserted} new, {result.Updated} updated, {result.Unchanged} unchanged patients in {ImportCommand.Describe(database)}");
        }
        return SarcApp.Success;
    }

    /// <summary>The progress line of a REDCap import.</summary>
    public static string Describe(string command, ImportProgress progress) => progress.Stage == "checking"
        ? $"sarc redcap {command}: checking every record…"
        : $"sarc redcap {command}: writing {progress.Done:N0} of {progress.Total:N0} patients ({100L * progress.Done / Math.Max(1, progress.Total)} %)";
}
