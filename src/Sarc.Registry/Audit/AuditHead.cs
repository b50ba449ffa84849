using System.Globalization;

namespace Sarc.Registry.Audit;

/// <summary>
/// The newest entry of an audit chain: its id and its SHA-256 (lower-case hex). Entries can only be appended after it,
/// so a head recorded elsewhere (a report's provenance, a note in a lab book) lets <c>sarc audit verify --head</c>
/// prove later that no entry up to it was removed from the end of the chain. Written <c>ID:SHA256</c>.
/// </summary>
public sealed record AuditHead(long Id, string Sha256)
{
    /// <summary>The written form, <c>ID:SHA256</c>.</summary>
    public override string ToString() => $"{Id.ToString(CultureInfo.InvariantCulture)}:{Sha256}";

    /// <summary>Reads <c>ID:SHA256</c> (64 hex digits, either case); false when <paramref name="text"/> is not of that form.</summary>
    public static bool TryParse(string text, out AuditHead head)
    {
        head = new AuditHead(0, "");
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !long.TryParse(text.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
        {
            return false;
        }
        var sha = text[(colon + 1)..].Trim().ToLowerInvariant();
        if (sha.Length != 64 || !sha.All(char.IsAsciiHexDigitLower))
        {
            return false;
        }
        head = new AuditHead(id, sha);
        return true;
    }
}
