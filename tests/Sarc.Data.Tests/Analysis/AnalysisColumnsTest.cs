using Sarc.Data.Analysis;
using Sarc.Data.Csv;
using Sarc.Data.Tables;

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
    // Each coding R's Surv takes: 0/1, 1/2 (when the largest value is 2), and the logicals read.csv makes of TRUE/FALSE and T/F.
    [InlineData("1\n0\n1\n", new[] { 1.0, 0, 1 })]
    [InlineData("2\n1\n2\n", new[] { 1.0, 0, 1 })]
    [InlineData("2\n2\n", new[] { 1.0, 1 })]
    [InlineData("TRUE\nFALSE\nTRUE\n", new[] { 1.0, 0, 1 })]
    [InlineData("T\nF\nT\n", new[] { 1.0, 0, 1 })]
    [InlineData("T\nFALSE\nNA\nTRUE\n", new[] { 1.0, 0, 1 })]
    public void Event_EveryRCoding_GivesOneForAnEvent(string cells, double[] expected)
    {
        using var csv = new TempCsv("event\n" + cells);
        var frame = CsvTableReader.Read(csv.Path);
        Assert.Equal(expected, AnalysisColumns.Event(CompleteCases.Of(frame, ["event"]), "event"));
    }

    [Theory]
    [InlineData("1\n3\n", "line 3: column 'event': event must be 0/1, 1/2 (2 = event), TRUE/FALSE or T/F, found '3'")]
    // A 0 next to a 2 is neither coding: R's Surv turns it into NA.
    [InlineData("2\n0\n1\n", "line 3: column 'event': event is coded 1/2 (1 = censored, 2 = event, as the column's largest value is 2), found '0'")]
    // Lower-case logicals are text to R's read.csv, which Surv rejects.
    [InlineData("true\nfalse\n", "line 2: column 'event': event must be 0/1, 1/2 (2 = event), TRUE/FALSE or T/F, found 'true' (also line 3)")]
    [InlineData("TRUE\n0\n", "line 3: column 'event': event mixes numbers and TRUE/FALSE, found '0'; code every event the same way (0/1, 1/2 (2 = event), TRUE/FALSE or T/F)")]
    public void Event_OutsideItsCoding_NamesEveryBadLine(string cells, string message)
    {
        using var csv = new TempCsv("event\n" + cells);
        var frame = CsvTableReader.Read(csv.Path);
        var error = Assert.Throws<DataInputException>(() => AnalysisColumns.Event(CompleteCases.Of(frame, ["event"]), "event"));
        Assert.Equal($"{csv.Path}: {message}", error.Message);
    }

    [Fact]
    public void Event_ManyBadLines_NamesTenAndCountsTheRest()
    {
        using var csv = new TempCsv("event\n" + string.Concat(Enumerable.Repeat("5\n", 13)));
        var error = Assert.Throws<DataInputException>(() => AnalysisColumns.Event(CompleteCases.Of(CsvTableReader.Read(csv.Path), ["event"]), "event"));
        Assert.EndsWith("found '5' (also lines 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 and 2 more)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0\n2\n1\n", new[] { 0, 2, 1 })]
    public void StatusCodes_ZeroIsCensoredOtherWholeNumbersAreCauses(string cells, int[] expected)
    {
        using var csv = new TempCsv("status\n" + cells);
        Assert.Equal(expected, AnalysisColumns.StatusCodes(CompleteCases.Of(CsvTableReader.Read(csv.Path), ["status"]), "status"));
    }

    [Fact]
    public void States_EmptyIsCensoredAndSpacesAreTrimmed()
    {
        using var csv = new TempCsv("state\nLR\n\n DM \nNA\n");
        var frame = CsvTableReader.Read(csv.Path);
        Assert.Equal(new string?[] { "LR", null, "DM", null }, AnalysisColumns.States(CompleteCases.Of(frame, []), "state"));
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
    public void Factor_Text_LevelsInROrder()
    {
        // R's order, not ordinal: "B" sorts after "a" and "b" (ordinal would put it first).
        using var csv = new TempCsv("g\nb\na\nB\nb\nc\n");
        var frame = CsvTableReader.Read(csv.Path);
        var factor = AnalysisColumns.Factor(CompleteCases.Of(frame, ["g"]), "g");
        Assert.Equal(["a", "b", "B", "c"], factor.Levels);
        Assert.Equal([1, 0, 2, 1, 3], factor.Codes);
        Assert.Equal([1, 2, 1, 1], factor.Counts());
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

    [Fact]
    public void CompleteCases_NothingMissing_KeepsEveryRowInFileOrder()
    {
        using var csv = new TempCsv("time,event,group\n1,1,a\n2,0,b\n3,1,a\n");
        var cases = CompleteCases.Of(CsvTableReader.Read(csv.Path), ["time", "event", "group"]);
        Assert.True(cases.AllRows);
        Assert.Equal(0, cases.Excluded);
        Assert.Equal(3, cases.Count);
        Assert.Equal([0, 1, 2], cases.Rows);
        Assert.Equal(4, cases.LineOf(2));
        Assert.Equal(2, cases.RowOf(2));
    }

    [Fact]
    public void TimeAndEvent_EveryRowKept_AreTheColumnsThemselves_OtherwiseGatheredCopies()
    {
        // Sharing is the documented contract (read-only): a million rows are not copied.
        using var csv = new TempCsv("time,event,group\n1,1,a\n2,0,\n3,1,a\n");
        var frame = CsvTableReader.Read(csv.Path);
        var all = CompleteCases.Of(frame, ["time", "event"]);
        Assert.Same(frame.Column("time").Numbers, AnalysisColumns.Time(all, "time"));
        Assert.Same(frame.Column("event").Numbers, AnalysisColumns.Event(all, "event"));
        var some = CompleteCases.Of(frame, ["time", "event", "group"]);
        Assert.Equal([1.0, 3], AnalysisColumns.Time(some, "time"));
        Assert.Equal([1.0, 1], AnalysisColumns.Event(some, "event"));
    }

    [Theory]
    [InlineData(4, false)]
    [InlineData(100, false)]
    [InlineData(100, true)]
    public void Factor_EqualLabelsInSeparateStrings_ShareTheirLevel_AsCodedByText(int labels, bool missing)
    {
        // The reader usually shares one string per label; codes must not depend on it. Past 32 instances the coder
        // switches from a list to a dictionary: both are compared with coding by text.
        var random = new Random(18);
        var texts = new string?[2000];
        for (var i = 0; i < texts.Length; i++)
        {
            texts[i] = missing && i % 7 == 3 ? null : new string($"L{random.Next(labels):D2}".AsSpan());
        }
        var frame = new DataFrame("mem", [new DataColumn("g", ColumnKind.Text, null, texts)], [.. Enumerable.Range(2, texts.Length)]);
        var cases = CompleteCases.Of(frame, []);
        var factor = AnalysisColumns.FactorWithMissing(cases, "g");
        var levels = LevelOrder.SortDistinct(texts.OfType<string>().Distinct());
        Assert.Equal(levels, factor.Levels);
        Assert.Equal(texts.Select(t => t is null ? -1 : Array.IndexOf(levels, t)), factor.Codes);
        if (missing)
        {
            Assert.Throws<ArgumentException>(() => AnalysisColumns.Factor(cases, "g"));
        }
        else
        {
            Assert.Equal(factor.Codes, AnalysisColumns.Factor(cases, "g").Codes);
        }
    }
}
