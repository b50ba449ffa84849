namespace Sarc.Cli.Commands;

/// <summary>
/// One audit record as <c>sarc audit --json</c> prints it (docs/cli.md), written whole through
/// <see cref="Sarc.Registry.Json.SarcJson.Records"/>: the time in UTC to the millisecond, the action in lower case, the
/// list entry after the field; the hash chain is left to <c>sarc audit verify</c>.
/// </summary>
internal sealed record AuditRow(
    long Id,
    string At,
    string Who,
    string Action,
    string PatientId,
    string Entity,
    string? Field,
    string? Item,
    string? OldValue,
    string? NewValue,
    string? SourceFile,
    string? SourceSha256,
    string? Reason)
{
    public static AuditRow Of(AuditEntry e) => new(e.Id, e.At.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture), e.Who,
        e.Action.ToString().ToLowerInvariant(), e.PatientId, e.Entity, e.Field, e.Item, e.OldValue, e.NewValue, e.SourceFile, e.SourceSha256, e.Reason);
}
