using Sarc.Data.Csv;
using Sarc.Data.Tables;

namespace Sarc.Data.Tests.Csv;

public class CsvTableReaderTest
{
    [Fact]
    public void Read_NumbersAndText_InfersColumnKinds()
    {
        using var csv = new TempCsv("time,event,histology\n12.5,1,LMS\n3,0,SyS\n");
        var frame = CsvTableReader.Read(csv.Path);
        Assert.Equal(2, frame.RowCount);
        Assert.Equal(ColumnKind.Numeric, frame.Column("time").Kind);
        Assert.Equal([12.5, 3.0], frame.Column("time").Numbers!);
        Assert.Equal(ColumnKind.Text, frame.Column("histology").Kind);
        Assert.Equal<string?>(["LMS", "SyS"], frame.Column("histology").Texts!.AsEnumerable());
    }

    [Fact]
    public void Read_NAAndEmptyCells_AreMissing()
    {
        using var csv = new TempCsv("a,b\nNA,x\n,\n2,NA\n");
        var frame = CsvTableReader.Read(csv.Path);
        Assert.True(frame.Column("a").IsMissing(0));
        Assert.True(frame.Column("a").IsMissing(1));
        Assert.False(frame.Column("a").IsMissing(2));
        Assert.Equal(ColumnKind.Numeric, frame.Column("a").Kind);
        Assert.True(frame.Column("b").IsMissing(1));
        Assert.True(frame.Column("b").IsMissing(2));
    }

    [Fact]
    public void Read_QuotedFieldsWithCommasAndNewlines_FollowRfc4180AndKeepLineNumbers()
    {
        using var csv = new TempCsv("id,note\n1,\"a, b\"\n2,\"two\nlines\"\n3,\"say \"\"hi\"\"\"\n");
        var frame = CsvTableReader.Read(csv.Path);
        Assert.Equal<string?>(["a, b", "two\nlines", "say \"hi\""], frame.Column("note").Texts!.AsEnumerable());
        // The second record spans lines 3-4, so the third starts on line 5.
        Assert.Equal([2, 3, 5], frame.LineNumbers);
    }

    [Fact]
    public void Read_NumbersThenText_BecomesTextKeepingEveryCellAsWritten()
    {
        // A grade column 1, 2, 3, then X: R reads it as character, so the earlier cells must keep their text.
        using var csv = new TempCsv("grade\n1\n2.50\nNA\nX\n");
        var column = CsvTableReader.Read(csv.Path).Column("grade");
        Assert.Equal(ColumnKind.Text, column.Kind);
        Assert.Equal<string?>(["1", "2.50", null, "X"], column.Texts!.AsEnumerable());
    }

    [Fact]
    public void Read_InvariantCulture_DoesNotTakeCommaDecimals()
    {
        using var csv = new TempCsv("x\n\"1,5\"\n");
        Assert.Equal(ColumnKind.Text, CsvTableReader.Read(csv.Path).Column("x").Kind);
    }

    [Fact]
    public void Read_MissingFile_IsAUserErrorNamingTheFile()
    {
        var error = Assert.Throws<DataInputException>(() => CsvTableReader.Read("/nonexistent/cohort.csv"));
        Assert.Equal("/nonexistent/cohort.csv: file not found", error.Message);
    }

    [Fact]
    public void Read_EmptyFile_IsAUserError()
    {
        using var csv = new TempCsv("");
        var error = Assert.Throws<DataInputException>(() => CsvTableReader.Read(csv.Path));
        Assert.Contains("empty file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SymbolicLinkToAnEmptyFile_IsTheEmptyFileError()
    {
        // The link's own length is not the file's: the checks follow the link.
        using var csv = new TempCsv("");
        var link = csv.Path + ".link.csv";
        File.CreateSymbolicLink(link, csv.Path);
        try
        {
            var error = Assert.Throws<DataInputException>(() => CsvTableReader.Read(link));
            Assert.Contains("empty file", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(link);
        }
    }

    [Fact]
    public void Read_DuplicateColumnName_IsAUserError()
    {
        using var csv = new TempCsv("time,time\n1,2\n");
        var error = Assert.Throws<DataInputException>(() => CsvTableReader.Read(csv.Path));
        Assert.Contains("'time' appears twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RowWithTooManyFields_NamesItsLine()
    {
        using var csv = new TempCsv("a,b\n1,2\n3,4,5\n");
        var error = Assert.Throws<DataInputException>(() => CsvTableReader.Read(csv.Path));
        Assert.Contains("line 3: 3 fields", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ShortRow_FillsMissing()
    {
        using var csv = new TempCsv("a,b\n1\n");
        var frame = CsvTableReader.Read(csv.Path);
        Assert.True(frame.Column("b").IsMissing(0));
    }

    [Fact]
    public void Column_Unknown_ListsTheColumns()
    {
        using var csv = new TempCsv("time,event\n1,1\n");
        var error = Assert.Throws<DataInputException>(() => CsvTableReader.Read(csv.Path).Column("status"));
        Assert.EndsWith("column 'status' not found; the columns are: time, event", error.Message, StringComparison.Ordinal);
    }
}
