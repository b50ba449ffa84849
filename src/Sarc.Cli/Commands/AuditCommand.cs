using Sarc.Registry.Json;

namespace Sarc.Cli.Commands;

/// <summary><c>sarc audit</c>: the audit trail of the registry, all of it or one patient's.</summary>
internal static class AuditCommand
{
    public static Command Create(CliContext context)
    {
        var patient = new Option<string>("--patient") { Description = "Only this patient's records." };
        var json = CommonOptions.Json();
        return CliCommand.OnRegistry("audit", "List the audit trail: who changed what, when, old and new value, why, and from which file.", [patient, json, AuditVerifyCommand.Create(context)], (parse, db) =>
        {
            using var store = RegistryStore.OpenExisting(db);
            var entries = store.ReadAudit(parse.GetValue(patient));
            return CommandOutput.Print(context, "audit", parse.GetValue(json), [],
                w => w.WriteRecord("audit", entries.Select(AuditRow.Of)),
                output => WriteTable(output, entries));
        });
    }

    private static void WriteTable(TextWriter output, IReadOnlyList<AuditEntry> entries)
    {
        var table = new TextTable("when (UTC)", "who", "action", "patient", "what", "old", "new", "reason", "file");
        foreach (var e in entries)
        {
            var entity = e.Item is null ? e.Entity : $"{e.Entity} {e.Item}";
            var what = e.Field is null ? entity : $"{entity}: {e.Field}";
            table.AddRow(e.At.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), e.Who, e.Action.ToString().ToLowerInvariant(),
                e.PatientId, what, Short(e.OldValue), Short(e.NewValue), e.Reason ?? "", e.SourceFile ?? "");
        }
        table.Write(output);
        output.WriteLine($"{entries.Count} audit record{(entries.Count == 1 ? "" : "s")}");
    }

    /// <summary>A whole-record JSON value is long; the table shows its start and --json shows it all.</summary>
    private static string Short(string? value) => value is null ? "" : value.Length <= 40 ? value : value[..37] + "...";
}
