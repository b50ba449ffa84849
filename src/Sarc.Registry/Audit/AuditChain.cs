using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Sarc.Registry.Audit;

/// <summary>
/// The audit trail as a hash chain (as in certificate-transparency logs): each entry stores the SHA-256 of the entry
/// before it and its own SHA-256 over that and its content, so changing, deleting or reordering any entry breaks the
/// chain from there on. The canonical bytes hashed are documented in docs/audit.md: the line <c>sarc-audit-v1</c>, the
/// previous entry's hash as 64 lower-case hex digits (<see cref="Genesis"/> for the first), then the twelve content
/// fields in a fixed order, each on its own line as <c>~</c> (null) or <c>LENGTH:VALUE</c> (LENGTH the number of UTF-8
/// bytes of VALUE, in decimal). The id is not hashed: the chain itself fixes each entry's place.
/// </summary>
public static class AuditChain
{
    /// <summary>The "previous hash" of the first entry: 64 zeros.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>The entry's time as hashed: UTC, seven fractional digits (SQLite keeps 100 ns ticks, PostgreSQL whole microseconds).</summary>
    public const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    /// <summary>
    /// An instant as it can be stored on every store: whole microseconds (PostgreSQL's precision), UTC, so that the
    /// time read back, and hashed, is the one written.
    /// </summary>
    public static DateTimeOffset Storable(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return utc.AddTicks(-(utc.Ticks % 10));
    }

    /// <summary>The SHA-256 (lower-case hex) of <paramref name="entry"/> following the entry whose hash is <paramref name="previous"/>.</summary>
    public static string Hash(string previous, AuditEntry entry) => Convert.ToHexStringLower(SHA256.HashData(Canonical(previous, entry)));

    /// <summary>The canonical bytes of <paramref name="entry"/> after <paramref name="previous"/> (docs/audit.md).</summary>
    public static byte[] Canonical(string previous, AuditEntry entry)
    {
        var text = new StringBuilder(256);
        text.Append("sarc-audit-v1\n").Append(previous).Append('\n');
        Field(text, entry.At.ToUniversalTime().ToString(TimeFormat, CultureInfo.InvariantCulture));
        Field(text, entry.Who);
        Field(text, Code(entry.Action));
        Field(text, entry.PatientId);
        Field(text, entry.Entity);
        Field(text, entry.Field);
        Field(text, entry.Item);
        Field(text, entry.OldValue);
        Field(text, entry.NewValue);
        Field(text, entry.SourceFile);
        Field(text, entry.SourceSha256);
        Field(text, entry.Reason);
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>The action as stored and hashed: <c>insert</c>, <c>update</c>, <c>delete</c>, <c>migrate</c>.</summary>
    public static string Code(AuditAction action) => action switch
    {
        AuditAction.Insert => "insert",
        AuditAction.Update => "update",
        AuditAction.Delete => "delete",
        _ => "migrate",
    };

    /// <summary>
    /// Walks <paramref name="entries"/> (every entry, in id order) and says whether the chain is intact, else which
    /// entry is the first that was changed, follows a deleted one, or is out of order. With <paramref name="recorded"/>,
    /// also whether that head is still in the chain: entries removed from the end are found only this way.
    /// </summary>
    public static AuditVerification Verify(IReadOnlyList<AuditEntry> entries, AuditHead? recorded = null)
    {
        var previous = Genesis;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (entry.Sha256 is null || entry.PreviousSha256 is null)
            {
                return AuditVerification.Broken(entries.Count, entry.Id, $"audit entry {entry.Id} has no hash: it was not written by sarc");
            }
            if (!string.Equals(entry.PreviousSha256, previous, StringComparison.Ordinal))
            {
                return AuditVerification.Broken(entries.Count, entry.Id, BrokenLink(entries, i));
            }
            if (!string.Equals(Hash(entry.PreviousSha256, entry), entry.Sha256, StringComparison.Ordinal))
            {
                return AuditVerification.Broken(entries.Count, entry.Id, $"audit entry {entry.Id} was changed: its content no longer matches its hash");
            }
            previous = entry.Sha256;
        }
        var head = entries.Count == 0 ? null : new AuditHead(entries[^1].Id, entries[^1].Sha256!);
        if (recorded is not null)
        {
            var at = BinarySearch(entries, recorded.Id);
            if (at < 0)
            {
                var last = head is null ? "the chain is empty" : $"the chain ends at entry {head.Id}";
                return recorded.Id > (head?.Id ?? 0)
                    ? AuditVerification.Broken(entries.Count, recorded.Id, $"the recorded head {recorded} is missing: {last}, so entries were removed from its end")
                    : AuditVerification.Broken(entries.Count, recorded.Id, $"the recorded head {recorded} is missing: entry {recorded.Id} is not in the chain");
            }
            if (!string.Equals(entries[at].Sha256, recorded.Sha256, StringComparison.Ordinal))
            {
                return AuditVerification.Broken(entries.Count, recorded.Id, $"audit entry {recorded.Id} is not the recorded head {recorded}: the chain up to it was rewritten");
            }
        }
        return AuditVerification.Intact(entries.Count, head);
    }

    /// <summary>Why entry <paramref name="i"/> does not follow the one before it: out of order (its predecessor is elsewhere) or something before it is gone.</summary>
    private static string BrokenLink(IReadOnlyList<AuditEntry> entries, int i)
    {
        var entry = entries[i];
        for (var j = 0; j < entries.Count; j++)
        {
            if (j != i - 1 && string.Equals(entries[j].Sha256, entry.PreviousSha256, StringComparison.Ordinal))
            {
                return $"audit entry {entry.Id} is out of order: it follows entry {entries[j].Id} in the chain";
            }
        }
        if (string.Equals(entry.PreviousSha256, Genesis, StringComparison.Ordinal))
        {
            return $"audit entry {entry.Id} starts a new chain: the entries before it were replaced";
        }
        return i == 0
            ? $"audit entry {entry.Id} is the first entry but follows another: an entry before it was deleted"
            : $"audit entry {entry.Id} does not follow entry {entries[i - 1].Id}: an entry between them was deleted, or entry {entries[i - 1].Id} was changed";
    }

    private static int BinarySearch(IReadOnlyList<AuditEntry> entries, long id)
    {
        int lo = 0, hi = entries.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var at = entries[mid].Id;
            if (at == id)
            {
                return mid;
            }
            if (at < id)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }
        return -1;
    }

    private static void Field(StringBuilder text, string? value)
    {
        if (value is null)
        {
            text.Append("~\n");
            return;
        }
        text.Append(Encoding.UTF8.GetByteCount(value).ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append('\n');
    }
}
