using Sarc.Interop.Redcap;

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
    public static Option<string> MappingOption() =>
        new("--mapping") { Description = "Mapping of a center's own REDCap project onto Sarc (YAML, docs/redcap.md); without it the records must be of Sarc's project." };
}
