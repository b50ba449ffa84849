namespace Sarc.Cli.Output;

/// <summary>Writing a file a command was asked for (<c>--out</c>), where the file system's refusals are the user's to fix.</summary>
internal static class OutputFile
{
    /// <summary>
    /// Runs <paramref name="write"/>, which writes <paramref name="path"/>. A folder that does not exist, a place without
    /// permission or a full disk becomes one line naming the path (exit 2), not an internal error.
    /// </summary>
    /// <exception cref="DataInputException">The file system refused the write.</exception>
    public static void Write(string path, Action write)
    {
        try
        {
            write();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataInputException($"{path}: cannot be written: {e.Message}");
        }
    }
}
