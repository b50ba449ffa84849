using System.Security.Cryptography;
using System.Text;
using Sarc.Data;

namespace Sarc.Interop.Pseudonymization;

/// <summary>
/// The secret behind a pseudonymized export: keyed HMAC-SHA-256 pseudonyms of patient ids and a per-patient date shift,
/// both derived from the key and the original id only, so the same key gives the same pseudonym and shift in every
/// export (exports from two dates can be linked by whoever holds the key, and by no one else).
/// </summary>
public sealed class PseudonymKey
{
    /// <summary>The fewest bytes a key file must hold (256 bits), surrounding white space not counted.</summary>
    public const int MinimumBytes = 32;

    /// <summary>The largest shift of a patient's dates, in days either way.</summary>
    public const int MaximumShiftDays = 180;

    private const string Base32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private readonly byte[] key;

    /// <exception cref="ArgumentException"><paramref name="key"/> is shorter than <see cref="MinimumBytes"/>.</exception>
    public PseudonymKey(ReadOnlySpan<byte> key)
    {
        if (key.Length < MinimumBytes)
        {
            throw new ArgumentException($"A pseudonym key needs at least {MinimumBytes} bytes, found {key.Length}.", nameof(key));
        }
        this.key = key.ToArray();
    }

    /// <summary>Reads the key from <paramref name="path"/>: the file's bytes without leading and trailing white space.</summary>
    /// <exception cref="DataInputException">The file cannot be read, or holds fewer than <see cref="MinimumBytes"/> bytes.</exception>
    public static PseudonymKey Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new DataInputException($"--key-file: '{path}' cannot be read: {e.Message}");
        }
        var trimmed = Trim(bytes);
        if (trimmed.Length < MinimumBytes)
        {
            throw new DataInputException($"--key-file: '{path}' holds {trimmed.Length} bytes; a key needs at least {MinimumBytes} (make one with: head -c 32 /dev/urandom | base64 > {Path.GetFileName(path)})");
        }
        return new PseudonymKey(trimmed);
    }

    /// <summary>
    /// Reads the key from <paramref name="path"/>, first creating the file with 32 random bytes (base64, readable by
    /// its owner only) when there is none: the web server's key, kept next to its registry, so that its downloads and
    /// <c>sarc export --pseudonymize --key-file</c> with the same file give the same pseudonyms.
    /// </summary>
    /// <exception cref="DataInputException">The file exists but cannot be read or is too short, or cannot be created.</exception>
    public static PseudonymKey ReadOrCreate(string path)
    {
        if (!File.Exists(path))
        {
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
                var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows())
                {
                    options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                }
                using var writer = new StreamWriter(path, Encoding.ASCII, options);
                writer.Write(Convert.ToBase64String(RandomNumberGenerator.GetBytes(MinimumBytes)) + "\n");
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another request created it first: read that one.
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new DataInputException($"pseudonym key '{path}' cannot be created: {e.Message}");
            }
        }
        return Read(path);
    }

    /// <summary>The pseudonym of <paramref name="patientId"/>: 16 characters of base32 (80 bits of HMAC-SHA-256), upper case.</summary>
    public string Pseudonym(string patientId)
    {
        Span<byte> mac = stackalloc byte[32];
        Mac("sarc pseudonym\n", patientId, mac);
        var text = new StringBuilder(16);
        // 10 bytes = 80 bits = 16 groups of 5 bits.
        ulong high = 0;
        for (var i = 0; i < 5; i++)
        {
            high = (high << 8) | mac[i];
        }
        ulong low = 0;
        for (var i = 5; i < 10; i++)
        {
            low = (low << 8) | mac[i];
        }
        foreach (var part in (ulong[])[high, low])
        {
            for (var shift = 35; shift >= 0; shift -= 5)
            {
                text.Append(Base32[(int)((part >> shift) & 31)]);
            }
        }
        return text.ToString();
    }

    /// <summary>The days every date of <paramref name="patientId"/> moves by: −180..+180 inclusive, the same for every date of the patient.</summary>
    public int ShiftDays(string patientId)
    {
        Span<byte> mac = stackalloc byte[32];
        Mac("sarc date shift\n", patientId, mac);
        var value = BitConverter.ToUInt64(mac[..8]);
        return (int)(value % (2 * MaximumShiftDays + 1)) - MaximumShiftDays;
    }

    private void Mac(string purpose, string patientId, Span<byte> destination) =>
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(purpose + patientId), destination);

    private static byte[] Trim(byte[] bytes)
    {
        var start = 0;
        var end = bytes.Length;
        while (start < end && IsSpace(bytes[start]))
        {
            start++;
        }
        while (end > start && IsSpace(bytes[end - 1]))
        {
            end--;
        }
        return bytes[start..end];
    }

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';
}
