using System.Security.Cryptography;
using System.Text;
using Sarc.Registry.Audit;

namespace Sarc.Interop.Redcap;

/// <summary>What a REDCap import was read from, as its audit records name it.</summary>
public static class RedcapSource
{
    /// <summary>
    /// The import source of several inputs (the data dictionary and the records): <paramref name="name"/>, and the
    /// SHA-256 of, for each input in the order given, its name, a NUL, the SHA-256 of its bytes (hex) and a newline —
    /// as <see cref="ImportSource.OfFolder"/> hashes a long-format folder — so any change to any input changes it.
    /// </summary>
    public static ImportSource Of(string name, params (string Name, byte[] Bytes)[] inputs)
    {
        var manifest = new StringBuilder();
        foreach (var (inputName, bytes) in inputs)
        {
            manifest.Append(inputName).Append('\0').Append(Convert.ToHexStringLower(SHA256.HashData(bytes))).Append('\n');
        }
        return new ImportSource(name, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(manifest.ToString()))));
    }
}
