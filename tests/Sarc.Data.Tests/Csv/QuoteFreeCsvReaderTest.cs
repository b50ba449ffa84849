using System.Text;
using Sarc.Data.Csv;
using Sarc.Data.Tables;

namespace Sarc.Data.Tests.Csv;

/// <summary>
/// The byte-level reader must give exactly the frame of the general (Sylvan) reader, which small files still use:
/// each test reads the same small file both ways and compares every cell bit for bit.
/// </summary>
public class QuoteFreeCsvReaderTest
{
    [Theory]
    // Unix and Windows line ends, with and without a final line end.
    [InlineData("time,status,x\n1.5,1,2\n3,0,-0.25\n")]
    [InlineData("time,status,x\r\n1.5,1,2\r\n3,0,-0.25\r\n")]
    [InlineData("time,status,x\n1.5,1,2\n3,0,-0.25")]
    // Forms outside the fast path: exponents, signs, spaces, long mantissas, 5., .5, infinities.
    [InlineData("a,b\n1e-5,+2\n 3 ,-0\n12345678901234567890,.5\n5.,Infinity\n-1E+300,0.000000000000000000000001\n")]
    // A UTF-8 byte-order mark before the header, and a column with no value at all.
    [InlineData("\uFEFFtime,empty\n1,NA\n2,\n")]
    // Missing cells: NA with spaces, empty, and short rows.
    [InlineData("a,b,c\nNA,,1\n NA ,2\n3\n4,5,6\n")]
    // Text columns, including non-ASCII, and a column of numbers that turns to text late.
    [InlineData("id,histology,grade\n1,LMS,1\n2,Synovial sarcoma,2.50\n3,Liposarcome dédifférencié,NA\n4,LMS,X\n")]
    public void TryRead_SmallFiles_GivesTheGeneralReadersFrame(string content)
    {
        using var csv = new TempCsv(content);
        var general = CsvTableReader.Read(csv.Path);
        var fast = QuoteFreeCsvReader.TryRead(csv.Path, HeaderNames);
        Assert.NotNull(fast);
        AssertSameFrame(general, fast);
    }

    [Theory]
    // Each needs the general reader: a blank line, a lone carriage return, a quote, a row longer than the header.
    [InlineData("a,b\n1,2\n\n3,4\n")]
    [InlineData("a,b\n1,2\r3,4\n")]
    [InlineData("a,b\n1,\"2\"\n")]
    [InlineData("a,b\n1,2,3\n")]
    public void TryRead_FormsForTheGeneralReader_ReturnsNull(string content)
    {
        using var csv = new TempCsv(content);
        Assert.Null(QuoteFreeCsvReader.TryRead(csv.Path, HeaderNames));
    }

    [Fact]
    public void Read_LargeFileInManyRanges_EqualsTheGeneralReader()
    {
        // Several megabytes, so that the file is cut into ranges and lines cross the 1 MB read blocks; odd cells
        // are spread over every range.
        var builder = new StringBuilder("time,status,x,label\n");
        var random = new Random(7);
        for (var i = 0; i < 250_000; i++)
        {
            var x = i % 9973 == 0 ? "1e-7" : i % 7919 == 0 ? "NA" : (random.NextDouble() * 100 - 50).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            builder.Append(random.Next(1, 10000) / 100.0).Append(',').Append(i % 3 == 0 ? 1 : 0).Append(',').Append(x)
                .Append(',').Append(i % 5 == 0 ? "" : "g" + (i % 4)).Append('\n');
        }
        Assert.True(builder.Length > 6_000_000, $"test file of {builder.Length} bytes is too small to be cut into ranges");
        using var csv = new TempCsv(builder.ToString());
        var fast = CsvTableReader.Read(csv.Path);
        // The same content with a quoted header name, which only the general reader takes.
        using var quoted = new TempCsv("\"time\"" + builder.ToString()[4..]);
        AssertSameFrame(CsvTableReader.Read(quoted.Path), fast);
    }

    [Fact]
    public void Read_LargeFileColumnsTurningToText_EqualsTheGeneralReader()
    {
        // Per range, text can start at its first row (labels), part-way (numbers, then "X", then numbers again, kept
        // as written: "2.50" stays "2.50"), or not at all while other ranges have it; missing cells throughout.
        var builder = new StringBuilder("grade,size,stage\n");
        for (var i = 0; i < 600_000; i++)
        {
            var grade = i % 11 == 0 ? "NA" : i % 3 == 0 ? "2.50" : "G" + (i % 4);
            var size = i == 123_457 || i == 350_001 ? "X" : i % 13 == 0 ? "" : (i % 97 / 4.0).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var stage = i >= 590_000 && i % 2 == 0 ? "IV" : (i % 4).ToString(System.Globalization.CultureInfo.InvariantCulture);
            builder.Append(grade).Append(',').Append(size).Append(',').Append(stage).Append('\n');
        }
        Assert.True(builder.Length > 4_500_000, $"test file of {builder.Length} bytes is under the parallel reader's threshold");
        using var csv = new TempCsv(builder.ToString());
        using var quoted = new TempCsv("\"grade\"" + builder.ToString()[5..]);
        var fast = CsvTableReader.Read(csv.Path);
        Assert.All(fast.Columns, column => Assert.Equal(ColumnKind.Text, column.Kind));
        AssertSameFrame(CsvTableReader.Read(quoted.Path), fast);
    }

    [Theory]
    // A column skipped between kept ones, a text column kept, short rows, a late text cell in a skipped column.
    [InlineData("id,time,grade,x\n1,1.5,G1,2\n2,3,G2\n3,NA,,X\n", new[] { "time", "grade" })]
    [InlineData("id,histology,grade\n1,LMS,1\n2,Synovial sarcoma,2.50\n3,Liposarcome dédifférencié,NA\n4,LMS,X\n", new[] { "grade" })]
    public void TryRead_SomeColumns_GivesThoseColumnsOfTheFullFrame(string content, string[] columns)
    {
        using var csv = new TempCsv(content);
        var full = CsvTableReader.Read(csv.Path);
        var fast = QuoteFreeCsvReader.TryRead(csv.Path, HeaderNames, columns);
        Assert.NotNull(fast);
        AssertSameFrame(Only(full, columns), fast);
        AssertSameFrame(Only(full, columns), CsvTableReader.Read(csv.Path, columns));
    }

    [Fact]
    public void Read_LargeFileSomeColumns_GivesThoseColumnsOfTheFullFrame()
    {
        var builder = new StringBuilder("id,time,label,x\n");
        for (var i = 0; i < 400_000; i++)
        {
            builder.Append(i).Append(',').Append(i % 997 / 10.0).Append(',').Append(i % 5 == 0 ? "NA" : "g" + (i % 4)).Append(',')
                .Append(i == 300_000 ? "late text" : (i % 13).ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        }
        using var csv = new TempCsv(builder.ToString());
        string[] columns = ["label", "time"];
        AssertSameFrame(Only(CsvTableReader.Read(csv.Path), columns), CsvTableReader.Read(csv.Path, columns));
    }

    [Fact]
    public void Read_SomeColumnsWithOneNotInTheFile_ReadsEveryColumn()
    {
        // The caller's "column not found" then lists every column of the file.
        using var csv = new TempCsv("time,event,grade\n1,1,G1\n");
        var frame = CsvTableReader.Read(csv.Path, ["time", "status"]);
        Assert.Equal(["time", "event", "grade"], frame.Columns.Select(c => c.Name));
    }

    private static DataFrame Only(DataFrame frame, string[] columns) =>
        new(frame.Source, frame.Columns.Where(c => columns.Contains(c.Name)).ToArray(), frame.LineNumbers);

    private static string[] HeaderNames(byte[] bytes, int length) =>
        Encoding.UTF8.GetString(bytes, 0, length).TrimStart('\uFEFF').TrimEnd('\r', '\n').Split(',');

    private static void AssertSameFrame(DataFrame expected, DataFrame actual)
    {
        Assert.Equal(expected.LineNumbers, actual.LineNumbers);
        Assert.Equal(expected.Columns.Select(c => (c.Name, c.Kind)), actual.Columns.Select(c => (c.Name, c.Kind)));
        for (var k = 0; k < expected.Columns.Count; k++)
        {
            if (expected.Columns[k].Numbers is { } numbers)
            {
                Assert.Equal(numbers.Select(BitConverter.DoubleToInt64Bits), actual.Columns[k].Numbers!.Select(BitConverter.DoubleToInt64Bits));
            }
            else
            {
                Assert.Equal(expected.Columns[k].Texts!, actual.Columns[k].Texts!);
            }
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
}
