namespace Sarc.Cli.Commands;

/// <summary><c>sarc backup</c> and <c>sarc restore</c>: a whole registry to one file and back (<see cref="RegistryBackup"/>).</summary>
internal static class BackupCommand
{
    public static Command Create(CliContext context)
    {
        var output = CommonOptions.Out("The backup file to write (must not exist): a SQLite file, or pg_dump's custom format for PostgreSQL.");
        return CliCommand.OnRegistry("backup", "Back up the whole registry to one file, consistently while others keep writing (SQLite online backup; pg_dump for PostgreSQL).", [output], (parse, db) =>
        {
            var summary = RegistryBackup.Backup(db, parse.GetValue(output)!);
            context.Output.WriteLine($"{parse.GetValue(output)}: {Describe(summary)}");
            return SarcApp.Success;
        });
    }

    public static Command CreateRestore(CliContext context)
    {
        var from = new Option<string>("--from") { Description = "A backup written by sarc backup.", Required = true };
        var force = new Option<bool>("--force") { Description = "Replace a registry that has patients or audit records." };
        return CliCommand.OnRegistry("restore", "Restore a registry from a sarc backup; refuses to replace a non-empty registry without --force.", [from, force], (parse, db) =>
        {
            var summary = RegistryBackup.Restore(parse.GetValue(from)!, db, parse.GetValue(force));
            context.Output.WriteLine($"{db}: restored from {parse.GetValue(from)}: {Describe(summary)}");
            return SarcApp.Success;
        });
    }

    private static string Describe(BackupSummary summary) =>
        $"{summary.Patients} patients, {summary.Audit.Entries} audit records, "
        + (summary.Audit.IsIntact ? $"audit head {summary.Audit.Head?.ToString() ?? "none"}" : $"audit trail NOT intact: {summary.Audit.Problem}");
}
