using System.Text.Json;
using Sarc.Data.Csv;
using Sarc.Data.Formulas;
using Sarc.Data.Models;
using Sarc.Statistics.Survival;
using Sarc.Testing;

namespace Sarc.Statistics.Tests.Survival;

/// <summary>Builds Cox inputs from the committed validation CSVs and formulas, through the real formula parser and model frame.</summary>
internal static class CoxFixture
{
    public static JsonElement Reference(string model) => Fixture.Reference("cox").GetProperty(model);

    public static (CoxData Data, ModelFrame Frame) Load(string dataset, string formula)
    {
        var table = CsvTableReader.Read(Fixture.PathOf("validation", "data", dataset + ".csv"));
        var frame = ModelFrame.Build(table, Formula.Parse(formula));
        return (ToCoxData(frame), frame);
    }

    public static CoxData ToCoxData(ModelFrame frame) => new(
        frame.Start, frame.Stop, frame.Status, frame.Design, frame.ColumnNames, frame.TermLabels.ToArray(), frame.Assign,
        frame.Strata, frame.Cluster);

    public static string[] Strings(JsonElement element) => element.ValueKind == JsonValueKind.Array
        ? element.EnumerateArray().Select(e => e.GetString()!).ToArray()
        : [element.GetString()!];

    /// <summary>Random data with heavy ties, a binary and two continuous covariates, optional strata and intervals.</summary>
    public static CoxData Random(int n, int seed, bool strata, bool counting)
    {
        var random = new Random(seed);
        var x = new double[3][];
        for (var j = 0; j < 3; j++)
        {
            x[j] = new double[n];
        }
        var stop = new double[n];
        var start = counting ? new double[n] : null;
        var status = new double[n];
        var stratum = strata ? new int[n] : null;
        for (var i = 0; i < n; i++)
        {
            x[0][i] = random.Next(2);
            x[1][i] = Math.Round(random.NextDouble() * 10, 1);
            x[2][i] = random.NextDouble() * 3 - 1;
            var rate = 0.1 * Math.Exp(0.7 * x[0][i] + 0.1 * x[1][i]);
            var t = Math.Ceiling(-Math.Log(1 - random.NextDouble()) / rate * 3);
            stop[i] = Math.Max(1, Math.Min(t, 30));
            status[i] = t <= 30 && random.NextDouble() < 0.8 ? 1 : 0;
            if (start is not null)
            {
                start[i] = random.NextDouble() < 0.5 ? 0 : Math.Floor(stop[i] * random.NextDouble());
                if (start[i] >= stop[i])
                {
                    start[i] = stop[i] - 1;
                }
            }
            if (stratum is not null)
            {
                stratum[i] = random.Next(3);
            }
        }
        string[] names = ["a", "b", "c"];
        return new CoxData(start, stop, status, x, names, names, [0, 1, 2], stratum);
    }
}
