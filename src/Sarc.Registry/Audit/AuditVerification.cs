namespace Sarc.Registry.Audit;

/// <summary>
/// The outcome of walking an audit chain (<see cref="AuditChain.Verify"/>): intact, with the number of entries and the
/// head (null for an empty chain), or broken at <see cref="BrokenAt"/> (the id of the first entry that does not hold)
/// with one line saying why.
/// </summary>
public sealed record AuditVerification(bool IsIntact, long Entries, AuditHead? Head, long? BrokenAt, string? Problem)
{
    /// <summary>An intact chain of <paramref name="entries"/> entries ending at <paramref name="head"/> (null when empty).</summary>
    public static AuditVerification Intact(long entries, AuditHead? head) => new(true, entries, head, null, null);

    /// <summary>A chain that does not hold at entry id <paramref name="at"/>, after checking <paramref name="entries"/> entries; <paramref name="problem"/> is one line saying why.</summary>
    public static AuditVerification Broken(long entries, long at, string problem) => new(false, entries, null, at, problem);
}
