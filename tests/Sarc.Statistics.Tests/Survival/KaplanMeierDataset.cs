using System.Globalization;
using Sarc.Testing;

namespace Sarc.Statistics.Tests.Survival;

/// <summary>
/// A validation/data/km_*.csv file read the way the R script reads it: "NA" and empty cells are missing, and a row
/// with any missing value in a used column is dropped (R na.omit) and counted.
/// </summary>
internal sealed record KaplanMeierDataset(double[] Time, bool[] Status, string?[] Group, int Excluded)
{
    public static KaplanMeierDataset Load(string fileName, bool useGroup)
    {
        var lines = File.ReadAllLines(Fixture.PathOf("validation", "data", fileName));
        var time = new List<double>();
        var status = new List<bool>();
        var group = new List<string?>();
        var excluded = 0;
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split(',');
            var t = Parse(cells[0]);
            var e = Parse(cells[1]);
            var g = cells[2] is "" or "NA" ? null : cells[2];
            if (double.IsNaN(t) || double.IsNaN(e) || (useGroup && g is null))
            {
                excluded++;
                continue;
            }
            time.Add(t);
            status.Add(e == 1);
            group.Add(g);
        }
        return new KaplanMeierDataset([.. time], [.. status], [.. group], excluded);
    }

    /// <summary>Group codes in the order of <paramref name="levels"/> (R's factor levels, as the fixture lists them).</summary>
    public int[] Codes(IReadOnlyList<string> levels) => Group.Select(g => levels.ToList().IndexOf(g!)).ToArray();

    private static double Parse(string cell) =>
        cell is "" or "NA" ? double.NaN : double.Parse(cell, NumberStyles.Float, CultureInfo.InvariantCulture);
}
