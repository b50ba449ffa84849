using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Globalization;
using System.Text;
using Microsoft.Win32.SafeHandles;
using Sarc.Data.Tables;

namespace Sarc.Data.Csv;

/// <summary>
/// The fast path of <see cref="CsvTableReader"/> for a large file without quote characters: every line is one
/// record, so the file can be cut at line ends into ranges that are parsed side by side, from the file's bytes
/// straight into the final column arrays. The result is the frame the general reader gives: the same doubles
/// (plain decimals by <see cref="PlainDecimal"/>, every other cell through double.Parse on its decoded text), the
/// same missing cells, column kinds and line numbers.
/// </summary>
/// <remarks>
/// Input: the file (UTF-8 without a UTF-16/32 byte-order mark), a parser for its header line and optionally the
/// columns wanted (the others are skipped, not parsed, and left out of the frame). Returns null
/// whenever the general reader must decide: a quote character anywhere, a blank line, a carriage return that does
/// not end a line, or a row with more fields than the header (whose error names the line).
/// The file is read in blocks into a few reused buffers, never whole: on a virtual machine, fresh memory costs
/// more than parsing. Three passes over the ranges: count the lines (so that each range knows its first row), parse
/// every cell as a number or missing (within a range, no longer once its column has shown text), and, only for the
/// columns where some cell was text, read those again as text.
/// </remarks>
internal static class QuoteFreeCsvReader
{
    private const int BlockBytes = 1 << 20;

    /// <param name="path">The file.</param>
    /// <param name="parseHeader">Column names from the header line's bytes (line end included); throws for a bad header.</param>
    /// <param name="columns">The columns to keep (null = all), as <see cref="CsvTableReader.Read(string, IReadOnlyCollection{string}?)"/>.</param>
    public static DataFrame? TryRead(string path, Func<byte[], int, string[]> parseHeader, IReadOnlyCollection<string>? columns = null)
    {
        using var handle = File.OpenHandle(path);
        var fileLength = RandomAccess.GetLength(handle);
        var first = ArrayPool<byte>.Shared.Rent(BlockBytes);
        try
        {
            var read = RandomAccess.Read(handle, first.AsSpan(0, BlockBytes), 0);
            var headerEnd = first.AsSpan(0, read).IndexOf((byte)'\n');
            if (headerEnd < 0 || first[0] is 0xFE or 0xFF)
            {
                return null;
            }
            var names = parseHeader(first, headerEnd + 1);
            var wanted = CsvTableReader.Wanted(names, columns);
            return TryReadData(path, handle, headerEnd + 1, fileLength, names, wanted);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(first);
        }
    }

    private static DataFrame? TryReadData(string path, SafeFileHandle handle, long dataStart, long fileLength, string[] names, bool[] wanted)
    {
        var ranges = Cut(handle, dataStart, fileLength);
        var count = ranges.Length - 1;

        // Pass 1: lines per range; a line is a record (no quotes), so a range's first row follows the lines before it.
        var rowsBefore = new int[count + 1];
        var quotes = false;
        var carriageReturns = false;
        Parallel.For(0, count, c =>
        {
            var lines = 0;
            var last = (byte)'\n';
            ForEachBlock(handle, ranges[c], ranges[c + 1], block =>
            {
                lines += CountLines(block, out var quote, out var carriageReturn);
                // Only ever set, never cleared: the ranges run side by side.
                if (quote)
                {
                    quotes = true;
                }
                if (carriageReturn)
                {
                    carriageReturns = true;
                }
                last = block[^1];
            });
            rowsBefore[c + 1] = lines + (last == '\n' ? 0 : 1);
        });
        if (quotes)
        {
            return null;
        }
        for (var c = 0; c < count; c++)
        {
            rowsBefore[c + 1] += rowsBefore[c];
        }
        var rows = rowsBefore[count];
        var width = names.Length;
        HugePages.AdviseManagedHeap();
        // A column not wanted has no array: its cells are skipped.
        var numbers = new double[width][];
        for (var k = 0; k < width; k++)
        {
            numbers[k] = wanted[k] ? GC.AllocateUninitializedArray<double>(rows) : null!;
        }

        // Pass 2: every cell as a number, NaN when missing; from a range's first text cell in a column on, that
        // column's cells of the range as text.
        var texts = new string?[]?[width];
        var states = new RangeState[count];
        var failed = false;
        Parallel.For(0, count, c =>
        {
            var state = states[c] = new RangeState(width, texts, rows);
            var row = rowsBefore[c];
            if (!ForEachLine(handle, ranges[c], ranges[c + 1], carriageReturns, line => ParseNumbers(line, row++, numbers, state)))
            {
                failed = true;
            }
        });
        if (failed)
        {
            return null;
        }

        // Pass 3: a column with any text cell is a text column, every cell as written. Only the rows of each range
        // before its first text cell in that column are left to read (none for a column of labels).
        Parallel.For(0, count, c =>
        {
            var state = states[c];
            var first = rowsBefore[c];
            var until = new int[width];
            var last = first;
            for (var k = 0; k < width; k++)
            {
                until[k] = texts[k] is null ? first : Math.Min(state.TextFrom[k], rowsBefore[c + 1]);
                last = Math.Max(last, until[k]);
            }
            if (last == first)
            {
                return;
            }
            var row = first;
            ForEachLine(handle, ranges[c], ranges[c + 1], carriageReturns, line =>
            {
                ReadTexts(line, row, texts, until, state.Cells);
                return ++row < last;
            });
        });

        var columns = new List<DataColumn>(width);
        for (var k = 0; k < width; k++)
        {
            if (wanted[k])
            {
                columns.Add(texts[k] is { } cells
                    ? new DataColumn(names[k], ColumnKind.Text, null, cells)
                    : new DataColumn(names[k], ColumnKind.Numeric, numbers[k], null));
            }
        }
        var lineNumbers = new int[rows];
        for (var r = 0; r < rows; r++)
        {
            lineNumbers[r] = r + 2;
        }
        return new DataFrame(path, columns, lineNumbers);
    }

    /// <summary>Range boundaries at line starts: more ranges than cores, so that a core slowed by other work is not waited for.</summary>
    private static long[] Cut(SafeFileHandle handle, long dataStart, long fileLength)
    {
        var length = fileLength - dataStart;
        var wanted = (int)Math.Clamp(length / BlockBytes, 1, 8L * Environment.ProcessorCount);
        var starts = new List<long>(wanted + 1) { dataStart };
        var window = new byte[64 * 1024];
        for (var c = 1; c < wanted; c++)
        {
            var target = Math.Max(dataStart + length * c / wanted, starts[^1]);
            var lineStart = -1L;
            for (var at = target; lineStart < 0 && at < fileLength; at += window.Length)
            {
                var read = RandomAccess.Read(handle, window, at);
                var newline = window.AsSpan(0, read).IndexOf((byte)'\n');
                lineStart = newline < 0 ? -1 : at + newline + 1;
            }
            if (lineStart > starts[^1] && lineStart < fileLength)
            {
                starts.Add(lineStart);
            }
        }
        starts.Add(fileLength);
        return starts.ToArray();
    }

    /// <summary>
    /// The line ends in <paramref name="block"/>, and whether it holds a quote character or a carriage return: one
    /// scan, 32 bytes at a time where the hardware allows, instead of three.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static int CountLines(ReadOnlySpan<byte> block, out bool quote, out bool carriageReturn)
    {
        var lines = 0;
        var i = 0;
        quote = carriageReturn = false;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var start = ref MemoryMarshal.GetReference(block);
            var quotes = Vector256<byte>.Zero;
            var returns = Vector256<byte>.Zero;
            for (; i + Vector256<byte>.Count <= block.Length; i += Vector256<byte>.Count)
            {
                var bytes = Vector256.LoadUnsafe(ref start, (nuint)i);
                lines += BitOperations.PopCount(Vector256.Equals(bytes, Vector256.Create((byte)'\n')).ExtractMostSignificantBits());
                quotes |= Vector256.Equals(bytes, Vector256.Create((byte)'"'));
                returns |= Vector256.Equals(bytes, Vector256.Create((byte)'\r'));
            }
            quote = quotes != Vector256<byte>.Zero;
            carriageReturn = returns != Vector256<byte>.Zero;
        }
        var rest = block[i..];
        lines += rest.Count((byte)'\n');
        quote |= rest.Contains((byte)'"');
        carriageReturn |= rest.Contains((byte)'\r');
        return lines;
    }

    private delegate void BlockAction(ReadOnlySpan<byte> block);

    private delegate bool LineAction(ReadOnlySpan<byte> line);

    /// <summary>The bytes [start, end) of the file, block by block, through one pooled buffer.</summary>
    private static void ForEachBlock(SafeFileHandle handle, long start, long end, BlockAction action)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BlockBytes);
        try
        {
            for (var at = start; at < end;)
            {
                var read = RandomAccess.Read(handle, buffer.AsSpan(0, (int)Math.Min(BlockBytes, end - at)), at);
                if (read <= 0)
                {
                    throw new IOException("the file became shorter while it was read");
                }
                action(buffer.AsSpan(0, read));
                at += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// The lines of [start, end) without their line ends, in order; stops with false at a line this path does not
    /// take (blank, a carriage return inside) or when <paramref name="action"/> returns false.
    /// </summary>
    // Hot loop: jitted fully optimized at first call. ReadyToRun code cannot inline across assemblies (Span
    // helpers stay calls) and a method called a few times is never re-jitted, so the precompiled loop would stay slow.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool ForEachLine(SafeFileHandle handle, long start, long end, bool carriageReturns, LineAction action)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BlockBytes);
        try
        {
            var kept = 0;
            for (var at = start; at < end || kept > 0;)
            {
                var read = at < end ? RandomAccess.Read(handle, buffer.AsSpan(kept, (int)Math.Min(buffer.Length - kept, end - at)), at) : 0;
                if (read <= 0 && at < end)
                {
                    throw new IOException("the file became shorter while it was read");
                }
                at += read;
                var filled = buffer.AsSpan(0, kept + read);
                var atEnd = at >= end;
                while (true)
                {
                    var newline = filled.IndexOf((byte)'\n');
                    if (newline < 0 && !(atEnd && filled.Length > 0))
                    {
                        break;
                    }
                    var line = newline < 0 ? filled : filled[..newline];
                    filled = newline < 0 ? [] : filled[(newline + 1)..];
                    if (carriageReturns && line.Length > 0 && line[^1] == '\r')
                    {
                        line = line[..^1];
                    }
                    if (line.Length == 0 || (carriageReturns && line.IndexOf((byte)'\r') >= 0) || !action(line))
                    {
                        return false;
                    }
                }
                // The start of a line that continues in the next block moves to the front of the buffer.
                kept = filled.Length;
                if (kept == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    filled.CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
                else
                {
                    filled.CopyTo(buffer);
                }
            }
            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>What a range has found in pass 2: where each column's text began, and its text decoder.</summary>
    private sealed class RangeState
    {
        private readonly string?[]?[] texts;
        private readonly int rows;

        public RangeState(int width, string?[]?[] texts, int rows)
        {
            this.texts = texts;
            this.rows = rows;
            TextFrom = new int[width];
            Array.Fill(TextFrom, int.MaxValue);
        }

        /// <summary>Per column, the row of the range's first text cell (int.MaxValue: none yet).</summary>
        public int[] TextFrom { get; }

        public TextCells Cells { get; } = new();

        /// <summary>The column's text array, shared by the ranges, made by the first range that needs it.</summary>
        public string?[] TextColumn(int column)
        {
            if (Volatile.Read(ref texts[column]) is { } existing)
            {
                return existing;
            }
            lock (texts)
            {
                return texts[column] ??= new string?[rows];
            }
        }
    }

    /// <summary>One record into row <paramref name="row"/>; false when it has more fields than the header.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool ParseNumbers(ReadOnlySpan<byte> line, int row, double[][] numbers, RangeState state)
    {
        var width = numbers.Length;
        var column = 0;
        var textFrom = state.TextFrom;
        Span<char> buffer = stackalloc char[64];
        while (true)
        {
            if (column == width)
            {
                return false;
            }
            var target = numbers[column];
            if (target is null || textFrom[column] != int.MaxValue)
            {
                // Not wanted (only find the cell's end), or a text column since an earlier row of this range.
                var comma = line.IndexOf((byte)',');
                if (target is not null)
                {
                    state.TextColumn(column)[row] = state.Cells.Read(comma < 0 ? line : line[..comma]);
                }
                column++;
                if (comma < 0)
                {
                    break;
                }
                line = line[(comma + 1)..];
                continue;
            }
            // Most cells are plain decimals: one scan parses the cell and finds its end.
            var length = PlainDecimal.ParsePrefix(line, out var value);
            if (length < 0 || (length < line.Length && line[length] != ','))
            {
                length = line.IndexOf((byte)',');
                var cell = length < 0 ? line : line[..length];
                ReadOnlySpan<char> chars = cell.Length <= buffer.Length ? buffer[..Encoding.UTF8.GetChars(cell, buffer)] : Encoding.UTF8.GetString(cell);
                if (!double.TryParse(chars, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
                {
                    value = double.NaN;
                    if (!CsvCells.IsMissing(chars))
                    {
                        textFrom[column] = row;
                        state.TextColumn(column)[row] = state.Cells.Read(cell);
                    }
                }
            }
            target[row] = value;
            column++;
            if (length < 0 || length == line.Length)
            {
                break;
            }
            line = line[(length + 1)..];
        }
        // A short row: the cells it lacks are missing, as in the general reader.
        for (; column < width; column++)
        {
            if (numbers[column] is { } target)
            {
                target[row] = double.NaN;
            }
        }
        return true;
    }

    /// <summary>The cells of row <paramref name="row"/> in the text columns whose pass-3 rows end after it.</summary>
    private static void ReadTexts(ReadOnlySpan<byte> line, int row, string?[]?[] texts, int[] until, TextCells cells)
    {
        for (var column = 0; column < texts.Length; column++)
        {
            var comma = line.IndexOf((byte)',');
            if (row < until[column])
            {
                texts[column]![row] = cells.Read(comma < 0 ? line : line[..comma]);
            }
            if (comma < 0)
            {
                // A short row: the cells it lacks stay null (missing).
                break;
            }
            line = line[(comma + 1)..];
        }
    }
}
