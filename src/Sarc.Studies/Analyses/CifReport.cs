using System.Globalization;
using System.Text.Json;
using Sarc.Data;
using Sarc.Data.Analysis;
using Sarc.Statistics.CompetingRisks;
using Sarc.Studies.Json;

namespace Sarc.Studies.Analyses;

/// <summary>Cumulative incidence from a table's columns and its JSON, shared by <c>sarc cif</c> and the study runner (as R cmprsk::cuminc).</summary>
public static class CifReport
{

    /// <summary>
    /// Cumulative incidence of every cause in <paramref name="statusColumn"/> (0 = censored, k = cause k) over
    /// <paramref name="timeColumn"/>, by the levels of <paramref name="groupColumn"/> (null: one group) with Gray's test.
    /// Rows with a missing value in a used column are left out and counted. A single group level, or no events, is a
    /// warning in the result, not an error.
    /// </summary>
    /// <exception cref="DataInputException">A column is missing, a time or status is invalid, or no complete row is left.</exception>
    public static CifAnalysis Analyse(Sarc.Data.Tables.DataFrame frame, string timeColumn, string statusColumn, string? groupColumn)
    {
        var used = groupColumn is null ? new[] { timeColumn, statusColumn } : [timeColumn, statusColumn, groupColumn];
        var cases = CompleteCases.Of(frame, used);
        var times = AnalysisColumns.Time(cases, timeColumn);
        var codes = AnalysisColumns.StatusCodes(cases, statusColumn);
        if (times.Length == 0)
        {
            throw new DataInputException($"{frame.Source}: no rows left with {string.Join(", ", used)} all present ({cases.Excluded} excluded)");
        }
        var warnings = new List<string>();
        CumulativeIncidenceResult result;
        string[] levels = [];
        if (groupColumn is null)
        {
            result = new CumulativeIncidence().Fit(new CompetingRisksData(times, codes));
        }
        else
        {
            var factor = AnalysisColumns.Factor(cases, groupColumn);
            levels = factor.Levels;
            result = new CumulativeIncidence().Fit(new CompetingRisksData(times, codes, factor.Codes, factor.LevelCount));
            if (factor.LevelCount < 2)
            {
                warnings.Add($"column '{groupColumn}' has a single level ('{levels[0]}'): no Gray's test");
            }
        }
        if (result.Causes.Length == 0)
        {
            warnings.Add($"column '{statusColumn}' has no events (every row is censored): no cumulative incidence to estimate");
        }
        warnings.AddRange(result.Warnings);
        var groupCount = Math.Max(1, levels.Length);
        var groupTimes = new List<double>[groupCount];
        for (var g = 0; g < groupCount; g++)
        {
            groupTimes[g] = [];
        }
        var factorCodes = groupColumn is null ? null : AnalysisColumns.Factor(cases, groupColumn).Codes;
        for (var i = 0; i < times.Length; i++)
        {
            groupTimes[factorCodes is null ? 0 : factorCodes[i]].Add(times[i]);
        }
        return new CifAnalysis(cases.Excluded, groupColumn, levels, result, warnings)
        {
            GroupTimes = groupTimes.Select(t => t.Order().ToArray()).ToArray(),
        };
    }

    private static string Label(int code) => code.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Writes the analysis's JSON members into the open object: <c>n</c>, <c>n_excluded</c>, per group and cause the
    /// estimate and variance at each of <paramref name="atTimes"/> (in the time column's unit) and at every step, and
    /// Gray's test when grouped. NaN is written as null.
    /// </summary>
    public static void WriteJson(Utf8JsonWriter writer, CifAnalysis analysis, double[] atTimes)
    {
        var result = analysis.Result;
        writer.WriteNumber("n", result.Count);
        writer.WriteNumber("n_excluded", analysis.Excluded);
        writer.WriteStartArray("groups");
        foreach (var g in result.Groups)
        {
            writer.WriteStartObject();
            // A null string is written as JSON null: no grouping.
            writer.WriteString("group", analysis.GroupColumn is null ? null : analysis.Levels[g]);
            writer.WriteStartArray("causes");
            foreach (var cause in result.Causes)
            {
                var curve = result.Curve(g, cause);
                writer.WriteStartObject();
                writer.WriteString("cause", Label(cause));
                writer.WriteStartArray("at");
                foreach (var t in atTimes)
                {
                    writer.WriteStartObject();
                    writer.WriteNumber("time", t);
                    writer.WriteNumberOrNull("cif", curve.EstimateAt(t));
                    writer.WriteNumberOrNull("variance", curve.VarianceAt(t));
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
                writer.WriteStartArray("steps");
                for (var i = 0; i < curve.Times.Length; i++)
                {
                    writer.WriteStartObject();
                    writer.WriteNumber("time", curve.Times[i]);
                    writer.WriteNumberOrNull("cif", curve.Estimates[i]);
                    writer.WriteNumberOrNull("variance", curve.Variances[i]);
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        if (analysis.GroupColumn is not null)
        {
            writer.WriteStartArray("gray_test");
            foreach (var test in result.Tests)
            {
                writer.WriteStartObject();
                writer.WriteString("cause", Label(test.Cause));
                writer.WriteNumberOrNull("stat", test.ChiSquare);
                writer.WriteNumber("df", test.DegreesOfFreedom);
                writer.WriteNumberOrNull("p", test.P);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
    }
}
