using Sarc.Data;

namespace Sarc.Interop;

/// <summary>Reading the files an interop command is given, each failure one line naming the option and file.</summary>
internal static class InputFiles
{
    /// <exception cref="DataInputException">The file cannot be read.</exception>
    public static byte[] ReadBytes(string path, string option)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new DataInputException($"{option}: '{path}' cannot be read: {e.Message}");
        }
    }

    /// <exception cref="DataInputException">The file cannot be read.</exception>
    public static string ReadText(string path, string option) => System.Text.Encoding.UTF8.GetString(ReadBytes(path, option));
}
