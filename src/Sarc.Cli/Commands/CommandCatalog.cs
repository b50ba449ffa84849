namespace Sarc.Cli.Commands;

/// <summary>Every top-level command, in the order <c>sarc --help</c> lists them.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All(CliContext context) =>
    [
        CifCommand.Create(context),
        DemoCommand.Create(context),
        StudyCommand.Create(context),
        KmCommand.Create(context),
        MultistateCommand.Create(context),
        CoxCommand.Create(context),
        FinegrayCommand.Create(context),
        ModelCommand.Create(context),
        Table2x2Command.Create(context),
        CompareCommand.Create(context),
        CorrelateCommand.Create(context),
        RtCommand.Create(context),
        ImportCommand.Create(context),
        ExportCommand.Create(context),
        RedcapCommand.Create(context),
        FhirCommand.Create(context),
        AuditCommand.Create(context),
        BackupCommand.Create(context),
        BackupCommand.CreateRestore(context),
        EndpointsCommand.Create(context),
        SurveillanceCommand.Create(context),
        UserCommand.Create(context),
        ServeCommand.Create(context),
    ];
}
