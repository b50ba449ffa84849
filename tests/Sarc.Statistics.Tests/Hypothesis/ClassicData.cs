using System.Globalization;
using System.Text.Json;
using Sarc.Testing;

namespace Sarc.Statistics.Tests.Hypothesis;

/// <summary>Reads the committed inputs of validation/classic.R (plain CSV, empty cell = missing) and its fixtures.</summary>
internal static class ClassicData
{
    public static IReadOnlyList<Dictionary<string, string>> Csv(string name)
    {
        var lines = File.ReadAllLines(Fixture.PathOf("validation", "data", name + ".csv"));
        var header = lines[0].Split(',');
        var rows = new List<Dictionary<string, string>>();
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var cells = line.Split(',');
            var row = new Dictionary<string, string>();
            for (var i = 0; i < header.Length; i++)
            {
                row[header[i]] = i < cells.Length ? cells[i] : "";
            }
            rows.Add(row);
        }
        return rows;
    }

    public static double Number(string text) =>
        text.Length == 0 || text == "NA" ? double.NaN : double.Parse(text, CultureInfo.InvariantCulture);

    /// <summary>The values of one case of classic_samples.csv, split by group in sorted (ordinal) order.</summary>
    public static double[][] Samples(string caseName)
    {
        var rows = Csv("classic_samples").Where(r => r["case"] == caseName).ToList();
        var groups = rows.Select(r => r["group"]).Distinct().Order(StringComparer.Ordinal).ToList();
        return groups.Select(g => rows.Where(r => r["group"] == g).Select(r => Number(r["value"])).ToArray()).ToArray();
    }

    public static JsonElement Case(string fixture, string arrayName, string keyName, string key) =>
        Fixture.Reference(fixture).GetProperty(arrayName).EnumerateArray().Single(e => e.GetProperty(keyName).GetString() == key);

    public static TheoryData<string> Keys(string fixture, string arrayName, string keyName)
    {
        var data = new TheoryData<string>();
        foreach (var element in Fixture.Reference(fixture).GetProperty(arrayName).EnumerateArray())
        {
            data.Add(element.GetProperty(keyName).GetString()!);
        }
        return data;
    }
}
