using System.Globalization;
using System.Text;
using Sarc.Data.Csv;
using Sarc.Data.Tables;

namespace Sarc.Data.Tests.Csv;

/// <summary>
/// Files over the parallel threshold (4 MB) without quotes are read in chunks side by side; the frame must be the
/// one a sequential read gives: the same values, kinds, missing cells and line numbers.
/// </summary>
public class CsvTableReaderParallelTest
{
    private const int Rows = 500_000;

    [Fact]
    public void Read_LargeQuoteFreeFile_GivesEveryValueAndLineInOrder()
    {
        var (content, times) = LargeFile(textAt: -1);
        using var csv = new TempCsv(content);
        var frame = CsvTableReader.Read(csv.Path);
        Assert.Equal(Rows, frame.RowCount);
        Assert.Equal(Enumerable.Range(2, Rows), frame.LineNumbers);
        Assert.Equal(ColumnKind.Numeric, frame.Column("time").Kind);
        Assert.Equal(times, frame.Column("time").Numbers!);
        Assert.Equal(ColumnKind.Text, frame.Column("group").Kind);
        Assert.Equal("g3", frame.Column("group").Texts![Rows - 1]);
        Assert.True(frame.Column("note").IsMissing(1));
        Assert.True(frame.Column("note").IsMissing(2));
        Assert.Equal("x", frame.Column("note").Texts![7]);
    }

    [Fact]
    public void Read_ColumnNumericEarlyAndTextLate_IsTextWithEveryCellAsWritten()
    {
        // The late chunk sees text where the early chunks saw numbers: only a whole-file read can settle that.
        var (content, _) = LargeFile(textAt: Rows - 3);
        using var csv = new TempCsv(content);
        var column = CsvTableReader.Read(csv.Path).Column("time");
        Assert.Equal(ColumnKind.Text, column.Kind);
        Assert.Equal("unknown", column.Texts![Rows - 3]);
        Assert.Equal(TimeText(0), column.Texts![0]);
    }

    [Fact]
    public void Read_LargeFileWithTooManyFields_NamesTheLine()
    {
        var (content, _) = LargeFile(textAt: -1);
        var lines = content.Split('\n');
        lines[Rows / 2 + 1] += ",extra";
        using var csv = new TempCsv(string.Join('\n', lines));
        var error = Assert.Throws<DataInputException>(() => CsvTableReader.Read(csv.Path));
        Assert.Contains($"line {Rows / 2 + 2}: 4 fields", error.Message, StringComparison.Ordinal);
    }

    private static (string Content, double[] Times) LargeFile(int textAt)
    {
        var builder = new StringBuilder("time,group,note\n");
        var times = new double[Rows];
        for (var i = 0; i < Rows; i++)
        {
            times[i] = double.Parse(TimeText(i), CultureInfo.InvariantCulture);
            builder.Append(i == textAt ? "unknown" : TimeText(i)).Append(",g").Append(i % 4)
                .Append(',').Append(i % 7 == 0 ? "x" : i % 2 == 0 ? "NA" : "").Append('\n');
        }
        // Above the 4 MB threshold, or these tests would only exercise the sequential read.
        Assert.True(builder.Length > 5_000_000, $"test file of {builder.Length} bytes is below the parallel threshold");
        return (builder.ToString(), times);
    }

    private static string TimeText(int i) => (i * 0.37 % 120).ToString("F2", CultureInfo.InvariantCulture);
}
