using System.Buffers;
using System.Text;

namespace Sarc.Cli.Output;

/// <summary>
/// A growing byte buffer in fixed chunks: a large JSON document (11 MB for a million-row km) is never copied into
/// ever larger arrays, and is written out chunk by chunk. On this kind of machine fresh memory is the dearest part
/// of a large command, and doubling an array touches three times the document's size.
/// </summary>
internal sealed class ChunkedBufferWriter : IBufferWriter<byte>
{
    private const int ChunkBytes = 1 << 20;
    private readonly List<(byte[] Chunk, int Used)> full = [];
    private byte[] current = new byte[64 * 1024];
    private int used;

    public void Advance(int count) => used += count;

    public Memory<byte> GetMemory(int sizeHint = 0) => Reserve(sizeHint).AsMemory(used);

    public Span<byte> GetSpan(int sizeHint = 0) => Reserve(sizeHint).AsSpan(used);

    /// <summary>Writes every byte written so far to <paramref name="stream"/>.</summary>
    public void CopyTo(Stream stream)
    {
        foreach (var (chunk, length) in full)
        {
            stream.Write(chunk, 0, length);
        }
        stream.Write(current, 0, used);
    }

    /// <summary>Everything written so far, decoded from UTF-8.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        var decoder = Encoding.UTF8.GetDecoder();
        var chars = new char[Encoding.UTF8.GetMaxCharCount(ChunkBytes)];
        void Add(byte[] chunk, int length, bool last)
        {
            var count = decoder.GetChars(chunk, 0, length, chars, 0, last);
            text.Append(chars, 0, count);
        }
        foreach (var (chunk, length) in full)
        {
            Add(chunk, length, last: false);
        }
        Add(current, used, last: true);
        return text.ToString();
    }

    private byte[] Reserve(int sizeHint)
    {
        var needed = Math.Max(sizeHint, 1);
        if (current.Length - used < needed)
        {
            full.Add((current, used));
            current = new byte[Math.Max(ChunkBytes, needed)];
            used = 0;
        }
        return current;
    }
}
