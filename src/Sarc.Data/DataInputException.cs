namespace Sarc.Data;

/// <summary>
/// A mistake in what the user gave us (a file, a column name, a value), as opposed to a bug. The message is one
/// line that names the file, line and column where it can; the CLI prints it and exits with code 2.
/// </summary>
public sealed class DataInputException : Exception
{
    public DataInputException(string message)
        : base(message)
    {
    }
}
