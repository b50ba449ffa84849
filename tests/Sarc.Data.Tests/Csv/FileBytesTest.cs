using System.Text;
using Sarc.Data.Csv;

namespace Sarc.Data.Tests.Csv;

/// <summary>The mapped file and the buffered reads must hand the quote-free reader the same blocks and lines.</summary>
public class FileBytesTest
{
    [Theory]
    [InlineData("\n", true)]
    [InlineData("\r\n", true)]
    [InlineData("\n", false)]
    public void ForEachLine_MappedAndRead_GiveTheSameLines(string lineEnd, bool finalLineEnd)
    {
        // Lines of every length up to a few hundred bytes, and one longer than the 1 MB read buffer, so that lines
        // cross the buffer's blocks and the buffer grows.
        var random = new Random(11);
        var builder = new StringBuilder();
        for (var i = 0; i < 30_000; i++)
        {
            builder.Append(i == 12_345 ? new string('7', 1_500_000) : new string((char)('a' + i % 26), random.Next(1, 300))).Append(lineEnd);
        }
        var text = finalLineEnd ? builder.ToString() : builder.ToString()[..^lineEnd.Length];
        using var csv = new TempCsv(text);
        var bytes = File.ReadAllBytes(csv.Path);
        long[] cuts = [0, LineStartAfter(bytes, 1_000_000), LineStartAfter(bytes, 2_500_000), bytes.Length];
        foreach (var carriageReturns in new[] { lineEnd == "\r\n", true })
        {
            for (var c = 0; c + 1 < cuts.Length; c++)
            {
                var mapped = Lines(csv.Path, cuts[c], cuts[c + 1], carriageReturns, map: true, out var mappedResult);
                var read = Lines(csv.Path, cuts[c], cuts[c + 1], carriageReturns, map: false, out var readResult);
                Assert.True(mappedResult && readResult);
                Assert.True(mapped.Count > 1_000, $"range {c}: {mapped.Count} lines");
                Assert.Equal(read, mapped);
                Assert.DoesNotContain(mapped, line => line.Length == 0 || line.EndsWith('\r'));
            }
        }
    }

    [Theory]
    // A blank line, and a carriage return inside a line: both ways stop there with false.
    [InlineData("a,b\n1,2\n\n3,4\n", 2)]
    [InlineData("a,b\n1,2\r3,4\n5,6\n", 1)]
    public void ForEachLine_LineForTheGeneralReader_StopsThereBothWays(string text, int linesBefore)
    {
        using var csv = new TempCsv(text);
        var length = new FileInfo(csv.Path).Length;
        foreach (var map in new[] { true, false })
        {
            var lines = Lines(csv.Path, 0, length, carriageReturns: true, map, out var result);
            Assert.False(result);
            Assert.Equal(linesBefore, lines.Count);
        }
    }

    [Fact]
    public void ForEachBlock_MappedAndRead_GiveTheFilesBytes()
    {
        var random = new Random(12);
        var content = new byte[3_300_000];
        random.NextBytes(content);
        using var csv = new TempCsv("");
        File.WriteAllBytes(csv.Path, content);
        using var handle = File.OpenHandle(csv.Path);
        foreach (var map in new[] { true, false })
        {
            using var file = new FileBytes(handle, content.Length, map);
            var seen = new List<byte>();
            file.ForEachBlock(17, content.Length - 5, block => seen.AddRange(block.ToArray()));
            Assert.Equal(content[17..^5], seen.ToArray());
        }
    }

    [Fact]
    public void CountLines_EveryPositionAndLength_EqualsByteByByteCounts()
    {
        // The vector loop and its scalar tail: each of the three bytes at every position of blocks of every length
        // around the vector width.
        var random = new Random(13);
        for (var length = 0; length <= 100; length++)
        {
            for (var position = 0; position < length; position++)
            {
                foreach (var special in "\n\"\r")
                {
                    var block = new byte[length];
                    for (var i = 0; i < length; i++)
                    {
                        block[i] = (byte)"ab,1\n."[random.Next(6)];
                    }
                    block[position] = (byte)special;
                    var lines = QuoteFreeCsvReader.CountLines(block, out var quote, out var carriageReturn);
                    Assert.Equal(block.Count(b => b == '\n'), lines);
                    Assert.Equal(block.Contains((byte)'"'), quote);
                    Assert.Equal(block.Contains((byte)'\r'), carriageReturn);
                }
            }
        }
    }

    private static List<string> Lines(string path, long start, long end, bool carriageReturns, bool map, out bool result)
    {
        using var handle = File.OpenHandle(path);
        using var file = new FileBytes(handle, RandomAccess.GetLength(handle), map);
        var lines = new List<string>();
        result = file.ForEachLine(start, end, carriageReturns, line =>
        {
            lines.Add(Encoding.ASCII.GetString(line));
            return true;
        });
        return lines;
    }

    private static long LineStartAfter(byte[] bytes, int at) => Array.IndexOf(bytes, (byte)'\n', at) + 1;
}
