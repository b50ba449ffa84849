using System.Security.Cryptography;

namespace Sarc.Studies.Running;

/// <summary>
/// The data a report was computed from: where it came from, the SHA-256 of its canonical export (the registry's
/// template export, or the template CSV given), the registry's audit position (the id of its last audit entry; null
/// for a CSV), and the supplement CSV if one was joined.
/// </summary>
public sealed record DataSnapshot(string Source, string Sha256, long? AuditPosition, int Patients, string? Supplement = null)
{
    /// <summary>The snapshot of the export or CSV at <paramref name="path"/>.</summary>
    public static DataSnapshot OfFile(string source, string path, long? auditPosition, int patients, string? supplement = null) =>
        new(source, Hash(path), auditPosition, patients, supplement);

    /// <summary>The lower-case hex SHA-256 of the file at <paramref name="path"/>.</summary>
    public static string Hash(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
