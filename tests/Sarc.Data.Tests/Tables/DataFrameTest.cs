using Sarc.Data.Csv;
using Sarc.Data.Tables;

namespace Sarc.Data.Tests.Tables;

public class DataFrameTest
{
    [Fact]
    public void SelectRows_KeepsValuesKindsAndFileLinesInTheOrderGiven()
    {
        using var csv = new TempCsv("time,group\n1.5,a\n2,\n3,c\n");
        var frame = CsvTableReader.Read(csv.Path).SelectRows([2, 0, 2]);
        Assert.Equal([3.0, 1.5, 3.0], frame.Column("time").Numbers!);
        Assert.Equal(ColumnKind.Text, frame.Column("group").Kind);
        Assert.Equal<string?>(["c", "a", "c"], frame.Column("group").Texts!.AsEnumerable());
        Assert.Equal([4, 2, 4], frame.LineNumbers);
    }
}
