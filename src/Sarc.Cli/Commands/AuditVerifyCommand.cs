namespace Sarc.Cli.Commands;

/// <summary>
/// <c>sarc audit verify</c>: walks the audit hash chain (docs/audit.md) and prints its length and head, or fails with
/// one line naming the first entry that was changed, deleted or reordered; with <c>--head</c>, also whether an earlier
/// head (kept in a report or a lab book) is still in the chain, which is what shows entries removed from its end.
/// </summary>
internal static class AuditVerifyCommand
{
    public static Command Create(CliContext context)
    {
        var head = new Option<string>("--head") { Description = "A head printed earlier (ID:SHA256): fail unless the chain still holds it, as it was." };
        var json = CommonOptions.Json();
        return CliCommand.OnRegistry("verify", "Check that the audit trail is intact: no entry changed, deleted, reordered, or (with --head) removed from the end.", [head, json], (parse, db) =>
        {
            AuditHead? recorded = null;
            if (parse.GetValue(head) is { } text && !AuditHead.TryParse(text.Trim(), out recorded))
            {
                throw new DataInputException($"--head: '{text}' is not a head; expected ID:SHA256 as sarc audit verify prints it");
            }
            using var store = RegistryStore.OpenExisting(db);
            var verification = store.VerifyAudit(recorded);
            if (!verification.IsIntact)
            {
                throw new DataInputException($"{store.Description}: the audit trail was altered: {verification.Problem}");
            }
            return CommandOutput.Print(context, "audit verify", parse.GetValue(json), [],
                w =>
                {
                    w.WriteBoolean("intact", true);
                    w.WriteNumber("entries", verification.Entries);
                    w.WriteString("head", verification.Head?.ToString());
                    w.WriteString("recorded_head", recorded?.ToString());
                },
                output =>
                {
                    output.WriteLine($"audit trail intact: {verification.Entries} entr{(verification.Entries == 1 ? "y" : "ies")}, head {verification.Head?.ToString() ?? "none (empty)"}");
                    if (recorded is not null)
                    {
                        output.WriteLine($"the recorded head {recorded} is in the chain");
                    }
                });
        });
    }
}
