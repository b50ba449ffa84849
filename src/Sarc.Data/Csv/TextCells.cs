using System.Text;

namespace Sarc.Data.Csv;

/// <summary>
/// Turns the UTF-8 bytes of text cells into their strings for one reader thread: missing cells (empty, NA) become
/// null and equal cells share one string (<see cref="StringInterner"/>). A column of labels repeats a handful of
/// values a million times, so the last cell seen in each of 64 small slots (by length, first and last byte) is kept
/// and a repeat costs one byte comparison instead of decoding and hashing.
/// </summary>
internal sealed class TextCells
{
    private const int Slots = 64;
    private const int MaxCachedLength = 32;
    private readonly byte[]?[] keys = new byte[Slots][];
    private readonly string?[] values = new string?[Slots];
    private readonly StringInterner interner = new();
    private char[] chars = new char[256];

    /// <summary>The cell as written, or null when it is missing.</summary>
    public string? Read(ReadOnlySpan<byte> cell)
    {
        if (cell.Length > MaxCachedLength)
        {
            return Decode(cell);
        }
        var slot = cell.Length == 0 ? 0 : (cell.Length * 31 + cell[0] * 7 + cell[^1]) & (Slots - 1);
        if (keys[slot] is { } key && cell.SequenceEqual(key))
        {
            return values[slot];
        }
        var value = Decode(cell);
        keys[slot] = cell.ToArray();
        values[slot] = value;
        return value;
    }

    private string? Decode(ReadOnlySpan<byte> cell)
    {
        if (chars.Length < cell.Length)
        {
            chars = new char[cell.Length];
        }
        var length = Encoding.UTF8.GetChars(cell, chars);
        return CsvCells.IsMissing(chars.AsSpan(0, length)) ? null : interner.Intern(chars, 0, length);
    }
}
