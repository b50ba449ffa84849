using System.Buffers;
using System.IO.MemoryMappedFiles;
using System.Runtime.CompilerServices;
using Microsoft.Win32.SafeHandles;

namespace Sarc.Data.Csv;

/// <summary>
/// The bytes of an open file, range by range, for <see cref="QuoteFreeCsvReader"/>: where the file can be mapped into
/// memory, a range is read where it lies in the page cache (mapped while it is walked, then unmapped, so that the
/// process never holds more of the file than the ranges in progress); otherwise, or for a range too long for one span,
/// through one reused buffer. Either way the walkers see the same bytes, blocks and lines.
/// </summary>
/// <remarks>A file that becomes shorter while it is read: through the buffer, an <see cref="IOException"/>; mapped,
/// the length read at the start is what is walked (the operating system may end the process for bytes gone).</remarks>
internal sealed class FileBytes : IDisposable
{
    private const int BlockBytes = 1 << 20;

    private readonly SafeFileHandle handle;
    private readonly MemoryMappedFile? map;

    /// <param name="handle">The file, open for reading; left open.</param>
    /// <param name="length">Its length in bytes, as read once at the start.</param>
    /// <param name="mapped">False: always through the buffer (the tests compare both ways).</param>
    public FileBytes(SafeFileHandle handle, long length, bool mapped = true)
    {
        this.handle = handle;
        try
        {
            map = mapped && length > 0 ? MemoryMappedFile.CreateFromFile(handle, null, length, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: true) : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            // Not a mappable file (a pipe, a special file): read it.
            map = null;
        }
    }

    public delegate void BlockAction(ReadOnlySpan<byte> block);

    public delegate bool LineAction(ReadOnlySpan<byte> line);

    /// <summary>The bytes [start, end) in order, in one or more blocks (not empty).</summary>
    public void ForEachBlock(long start, long end, BlockAction action)
    {
        if (start >= end)
        {
            return;
        }
        if (Mapped(start, end, out var view))
        {
            using (view)
            {
                action(view.Bytes);
            }
            return;
        }
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
    /// The lines of [start, end) without their line ends, in order; stops with false at a line the quote-free reader
    /// does not take (blank, a carriage return inside) or when <paramref name="action"/> returns false.
    /// </summary>
    public bool ForEachLine(long start, long end, bool carriageReturns, LineAction action)
    {
        if (start >= end)
        {
            return true;
        }
        if (Mapped(start, end, out var view))
        {
            using (view)
            {
                var rest = view.Bytes;
                while (!rest.IsEmpty)
                {
                    if (!NextLine(ref rest, atEnd: true, carriageReturns, action, out _))
                    {
                        return false;
                    }
                }
                return true;
            }
        }
        return ForEachLineRead(start, end, carriageReturns, action);
    }

    /// <summary>
    /// Takes the first line off <paramref name="rest"/> and gives it to <paramref name="action"/>; <paramref name="taken"/>
    /// is false (and nothing is taken) when no line end follows and more bytes are to come.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool NextLine(ref ReadOnlySpan<byte> rest, bool atEnd, bool carriageReturns, LineAction action, out bool taken)
    {
        var newline = rest.IndexOf((byte)'\n');
        if (newline < 0 && !atEnd)
        {
            taken = false;
            return true;
        }
        taken = true;
        var line = newline < 0 ? rest : rest[..newline];
        rest = newline < 0 ? [] : rest[(newline + 1)..];
        if (carriageReturns && line.Length > 0 && line[^1] == '\r')
        {
            line = line[..^1];
        }
        return line.Length != 0 && !(carriageReturns && line.IndexOf((byte)'\r') >= 0) && action(line);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool ForEachLineRead(long start, long end, bool carriageReturns, LineAction action)
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
                ReadOnlySpan<byte> filled = buffer.AsSpan(0, kept + read);
                var atEnd = at >= end;
                while (!filled.IsEmpty)
                {
                    if (!NextLine(ref filled, atEnd, carriageReturns, action, out var taken))
                    {
                        return false;
                    }
                    if (!taken)
                    {
                        break;
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

    /// <summary>[start, end) mapped, when the file is and the range fits one span.</summary>
    private bool Mapped(long start, long end, out View view)
    {
        if (map is null || end - start > int.MaxValue)
        {
            view = default;
            return false;
        }
        view = new View(map.CreateViewAccessor(start, end - start, MemoryMappedFileAccess.Read), (int)(end - start));
        return true;
    }

    public void Dispose() => map?.Dispose();

    /// <summary>A mapped range and its pointer, released (unmapped) on dispose.</summary>
    private readonly unsafe struct View(MemoryMappedViewAccessor accessor, int length) : IDisposable
    {
        private readonly byte* pointer = Acquire(accessor);

        public ReadOnlySpan<byte> Bytes => new(pointer, length);

        private static byte* Acquire(MemoryMappedViewAccessor accessor)
        {
            byte* pointer = null;
            accessor.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
            return pointer + accessor.PointerOffset;
        }

        public void Dispose()
        {
            accessor.SafeMemoryMappedViewHandle.ReleasePointer();
            accessor.Dispose();
        }
    }
}
