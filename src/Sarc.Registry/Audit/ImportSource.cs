using System.Security.Cryptography;

namespace Sarc.Registry.Audit;

/// <summary>The file an import came from: its name as given and the SHA-256 of its bytes (lower-case hex), kept in every audit record of the import.</summary>
public sealed record ImportSource(string FileName, string Sha256)
{
    /// <summary>Names and hashes <paramref name="path"/>.</summary>
    public static ImportSource OfFile(string path)
    {
        using var stream = File.OpenRead(path);
        var hash = SHA256.HashData(stream);
        return new ImportSource(Path.GetFileName(path), Convert.ToHexStringLower(hash));
    }
}
