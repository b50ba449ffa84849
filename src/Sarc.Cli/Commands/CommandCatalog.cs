namespace Sarc.Cli.Commands;

/// <summary>Every top-level command, in the order <c>sarc --help</c> lists them.</summary>
internal static class CommandCatalog
{
    /// <summary>Each command's name (as its <c>Create</c> names it; a test holds them equal) and how to make it.</summary>
    internal static readonly (string Name, Func<CliContext, Command> Create)[] Entries =
    [
        ("cif", CifCommand.Create),
        ("demo", DemoCommand.Create),
        ("study", StudyCommand.Create),
        ("km", KmCommand.Create),
        ("multistate", MultistateCommand.Create),
        ("cox", CoxCommand.Create),
        ("finegray", FinegrayCommand.Create),
        ("model", ModelCommand.Create),
        ("table2x2", ClassicCommands.Table2x2),
        ("compare", ClassicCommands.Compare),
        ("correlate", ClassicCommands.Correlate),
        ("rt", RtCommand.Create),
        ("import", ImportCommand.Create),
        ("export", ExportCommand.Create),
        ("redcap", RedcapCommand.Create),
        ("fhir", FhirCommand.Create),
        ("audit", AuditCommand.Create),
        ("backup", BackupCommand.Create),
        ("restore", BackupCommand.CreateRestore),
        ("endpoints", EndpointsCommand.Create),
        ("surveillance", SurveillanceCommand.Create),
        ("user", UserCommand.Create),
        ("serve", ServeCommand.Create),
    ];

    public static IEnumerable<Command> All(CliContext context) => Entries.Select(entry => entry.Create(context));

    /// <summary>
    /// The commands a run needs: when the first argument names a command, only that one (its parsing, help and
    /// errors do not depend on the others, and building all of them is about 10 ms of every command's start);
    /// otherwise all of them (<c>sarc --help</c>, <c>--version</c>, a mistyped name).
    /// </summary>
    public static IEnumerable<Command> For(string[] args, CliContext context)
    {
        foreach (var (name, create) in Entries)
        {
            if (args.Length > 0 && args[0] == name)
            {
                return [create(context)];
            }
        }
        return All(context);
    }
}
