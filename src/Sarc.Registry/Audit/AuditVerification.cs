namespace Sarc.Registry.Audit;

/// <summary>
/// The outcome of walking an audit chain (<see cref="AuditChain.Verify"/>): intact, with the number of entries and the
/// head (null for an empty chain), or broken at <see cref="BrokenAt"/> (the id of the first entry that does not hold)
/// with one line saying why.
/// </summary>
public sealed record AuditVerification(bool IsIntact, long Entries, AuditHead? Head, long? BrokenAt, string? Problem)
{
    public static AuditVerification Intact(long entries, AuditHead? head) => new(true, entries, head, null, null);

    public static AuditVerification Broken(long entries, long at, string problem) => new(false, entries, null, at, problem);
}
