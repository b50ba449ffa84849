using System.Security.Cryptography;
using System.Text;

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

    /// <summary>
    /// Names a long-format folder and hashes its CSV files: the SHA-256 of, for each <c>*.csv</c> file in ordinal name
    /// order, its name, a NUL, the SHA-256 of its bytes (hex) and a newline — so that any change to any file changes it.
    /// </summary>
    public static ImportSource OfFolder(string folder)
    {
        var manifest = new StringBuilder();
        foreach (var file in Directory.EnumerateFiles(folder, "*.csv").Order(StringComparer.Ordinal))
        {
            using var stream = File.OpenRead(file);
            manifest.Append(Path.GetFileName(file)).Append('\0').Append(Convert.ToHexStringLower(SHA256.HashData(stream))).Append('\n');
        }
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)));
        return new ImportSource(name + "/", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(manifest.ToString()))));
    }
}
