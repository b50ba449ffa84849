using Sarc.Data.Analysis;
using Sarc.Data.Csv;

namespace Sarc.Data.Tests.Analysis;

public class AnalysisColumnsTest
{
    [Fact]
    public void CompleteCases_DropsRowsMissingAnyUsedColumn_AndCountsThem()
    {
        // Missing only in an unused column (note) must not exclude a row, as R's na.omit on the model frame.
        using var csv = new TempCsv("time,event,group,note\n1,1,a,\nNA,0,a,x\n3,,b,x\n4,1,,x\n5,0,b,x\n");
        var cases = CompleteCases.Of(CsvTableReader.Read(csv.Path), ["time", "event", "group"]);
        Assert.Equal([0, 4], cases.Rows);
        Assert.Equal(3, cases.Excluded);
        Assert.Equal(6, cases.LineOf(1));
    }

    [Theory]
    [InlineData("1\n0\nTRUE\nfalse\nT\nF\n", new[] { true, false, true, false, true, false })]
    [InlineData("1\n0\n", new[] { true, false })]
    public void Event_AcceptsZeroOneAndLogicals(string cells, bool[] expected)
    {
        using var csv = new TempCsv("event\n" + cells);
        var frame = CsvTableReader.Read(csv.Path);
        Assert.Equal(expected, AnalysisColumns.Event(CompleteCases.Of(frame, ["event"]), "event"));
    }

    [Fact]
    public void Event_OtherCode_NamesLineAndValue()
    {
        using var csv = new TempCsv("event\n1\n2\n");
        var frame = CsvTableReader.Read(csv.Path);
        var error = Assert.Throws<DataInputException>(() => AnalysisColumns.Event(CompleteCases.Of(frame, ["event"]), "event"));
        Assert.Equal($"{csv.Path}: line 3: column 'event': event must be 0/1/TRUE/FALSE, found '2'", error.Message);
    }

    [Fact]
    public void Time_Negative_NamesLine()
    {
        using var csv = new TempCsv("time\n1\n-2\n");
        var frame = CsvTableReader.Read(csv.Path);
        var error = Assert.Throws<DataInputException>(() => AnalysisColumns.Time(CompleteCases.Of(frame, ["time"]), "time"));
        Assert.Contains("line 3: column 'time': time must be finite and >= 0, found -2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Time_Text_NamesFirstBadLine()
    {
        using var csv = new TempCsv("time\n1\n2\nsoon\n");
        var frame = CsvTableReader.Read(csv.Path);
        var error = Assert.Throws<DataInputException>(() => AnalysisColumns.Time(CompleteCases.Of(frame, ["time"]), "time"));
        Assert.Contains("line 4: column 'time' must be a numeric time, found 'soon'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Factor_Text_LevelsSortedOrdinal()
    {
        using var csv = new TempCsv("g\nb\na\nb\nc\n");
        var frame = CsvTableReader.Read(csv.Path);
        var factor = AnalysisColumns.Factor(CompleteCases.Of(frame, ["g"]), "g");
        Assert.Equal(["a", "b", "c"], factor.Levels);
        Assert.Equal([1, 0, 1, 2], factor.Codes);
        Assert.Equal([1, 2, 1], factor.Counts());
    }

    [Fact]
    public void Factor_Numeric_LevelsSortedNumericallyAndPrintedAsR()
    {
        // Numerically 2 < 10, though as text "10" < "2".
        using var csv = new TempCsv("g\n10\n2\n2.5\n");
        var frame = CsvTableReader.Read(csv.Path);
        var factor = AnalysisColumns.Factor(CompleteCases.Of(frame, ["g"]), "g");
        Assert.Equal(["2", "2.5", "10"], factor.Levels);
    }

    [Fact]
    public void NumericWithMissing_TextColumn_NamesTheFirstCellThatIsNotANumber()
    {
        // The column is text because of "X"; the numbers before it are not the problem.
        using var csv = new TempCsv("grade\n1\nNA\n2\nX\n");
        var error = Assert.Throws<DataInputException>(() => AnalysisColumns.NumericWithMissing(CsvTableReader.Read(csv.Path), "grade"));
        Assert.EndsWith("line 5: column 'grade' must be numeric, found 'X'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NumericWithMissing_KeepsEveryRowWithNaNForMissing()
    {
        using var csv = new TempCsv("x\n1\nNA\n3\n");
        var values = AnalysisColumns.NumericWithMissing(CsvTableReader.Read(csv.Path), "x");
        Assert.Equal(3, values.Length);
        Assert.True(double.IsNaN(values[1]));
    }
}
