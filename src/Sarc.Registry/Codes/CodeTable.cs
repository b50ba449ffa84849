using System.Runtime.CompilerServices;

namespace Sarc.Registry.Codes;

/// <summary>
/// The codes of one enumeration: for every value its text code (what files, the database and forms hold, matched
/// exactly, case-sensitive) and a human label (what pages and reports show). The one home of each code list
/// (<see cref="RegistryCodes"/>), used by import, export, storage, the CLI and the web.
/// </summary>
/// <typeparam name="T">An enumeration whose values are 0, 1, 2 ... in declaration order.</typeparam>
public sealed class CodeTable<T> where T : struct, Enum
{
    private readonly T[] values;
    private readonly string[] codes;
    private readonly string[] labels;
    private readonly byte[][] utf8;

    /// <exception cref="ArgumentException">The entries do not list every value of <typeparamref name="T"/> exactly once, in value order.</exception>
    internal CodeTable(string column, params (T Value, string Code, string Label)[] entries)
    {
        Column = column;
        values = new T[entries.Length];
        codes = new string[entries.Length];
        labels = new string[entries.Length];
        if (entries.Length != Enum.GetValues<T>().Length)
        {
            throw new ArgumentException($"{typeof(T).Name}: {entries.Length} codes for {Enum.GetValues<T>().Length} values.", nameof(entries));
        }
        for (var i = 0; i < entries.Length; i++)
        {
            var (value, code, label) = entries[i];
            if (Index(value) != i)
            {
                throw new ArgumentException($"{typeof(T).Name}: codes must be listed in value order.", nameof(entries));
            }
            values[i] = value;
            codes[i] = code;
            labels[i] = label;
        }
        utf8 = [.. codes.Select(System.Text.Encoding.UTF8.GetBytes)];
    }

    /// <summary>The file column these codes fill (for messages), e.g. <c>margin</c>.</summary>
    public string Column { get; }

    /// <summary>Every value, in enumeration order (the order of drop-down lists).</summary>
    public IReadOnlyList<T> Values => values;

    /// <summary>The codes in enumeration order.</summary>
    public IReadOnlyList<string> Codes => codes;

    /// <summary>The labels in enumeration order.</summary>
    public IReadOnlyList<string> Labels => labels;

    /// <summary>The text code of <paramref name="value"/>.</summary>
    public string Code(T value) => codes[Index(value)];

    /// <summary>The code of <paramref name="value"/>, or "" for null (a cell left empty).</summary>
    public string Code(T? value) => value is { } v ? codes[Index(v)] : "";

    /// <summary>The human label of <paramref name="value"/>, e.g. "lower extremity".</summary>
    public string Label(T value) => labels[Index(value)];

    /// <summary>The value whose code is exactly <paramref name="text"/>.</summary>
    public bool TryParse(ReadOnlySpan<char> text, out T value)
    {
        for (var i = 0; i < codes.Length; i++)
        {
            if (text.SequenceEqual(codes[i]))
            {
                value = values[i];
                return true;
            }
        }
        value = default;
        return false;
    }

    /// <summary>The value of a code read back from the database as UTF-8 bytes (no string is made on the hot path).</summary>
    /// <exception cref="InvalidDataException">Not one of the codes: the database was changed outside sarc.</exception>
    public T ParseStored(ReadOnlySpan<byte> text)
    {
        for (var i = 0; i < utf8.Length; i++)
        {
            if (text.SequenceEqual(utf8[i]))
            {
                return values[i];
            }
        }
        return ParseStored(System.Text.Encoding.UTF8.GetString(text));
    }

    /// <summary>The value of a code read back from the database.</summary>
    /// <exception cref="InvalidDataException">Not one of the codes: the database was changed outside sarc.</exception>
    public T ParseStored(string text) => TryParse(text, out var value)
        ? value
        : throw new InvalidDataException($"Stored {Column} code '{text}' is not one of {string.Join(", ", codes)}.");

    /// <summary>The problem text for a cell that is not one of the codes: <c>'x' is not one of R0 | R1 | R2 | RX</c>.</summary>
    public string NotOneOf(string text) => $"'{text}' is not one of {string.Join(" | ", codes)}";

    /// <summary>The codes joined by <c> | </c>, for documentation and help texts.</summary>
    public override string ToString() => string.Join(" | ", codes);

    private static int Index(T value) => Unsafe.As<T, int>(ref value);
}
