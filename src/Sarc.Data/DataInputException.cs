using System.Text;

namespace Sarc.Data;

/// <summary>
/// A mistake in what the user gave us (a file, a column name, a value), as opposed to a bug. The message is one
/// line that names the file, line and column where it can; the CLI prints it and exits with code 2. A line break or
/// other control character in the message (a quoted cell that holds one) is written as an escape such as <c>\n</c>,
/// so the message stays one line whatever the data holds.
/// </summary>
public sealed class DataInputException : Exception
{
    /// <summary>A user-facing error; <paramref name="message"/> is made one line (<see cref="OneLine"/>).</summary>
    public DataInputException(string message)
        : base(OneLine(message))
    {
    }

    /// <summary><paramref name="message"/> with line breaks and other control characters written as escapes (<c>\n</c>, <c>\u0000</c>): one line.</summary>
    public static string OneLine(string message)
    {
        if (!message.Any(char.IsControl))
        {
            return message;
        }
        var text = new StringBuilder(message.Length + 8);
        foreach (var c in message)
        {
            text.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }
        return text.ToString();
    }
}
