using Sarc.Data.Analysis;
using Sarc.Statistics.CompetingRisks;

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
        var cases = AnalysisRows.Complete(frame, timeColumn, statusColumn, groupColumn);
        var times = AnalysisColumns.Time(cases, timeColumn);
        var codes = AnalysisColumns.StatusCodes(cases, statusColumn);
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
        writer.WriteObjects("groups", result.Groups, (w, g) =>
        {
            // A null string is written as JSON null: no grouping.
            w.WriteString("group", analysis.GroupColumn is null ? null : analysis.Levels[g]);
            w.WriteRecord("causes", result.Causes.Select(cause =>
            {
                var curve = result.Curve(g, cause);
                return new CauseJson(Label(cause),
                    atTimes.Select(t => new PointJson(t, curve.EstimateAt(t), curve.VarianceAt(t))),
                    curve.Times.Select((t, i) => new PointJson(t, curve.Estimates[i], curve.Variances[i])));
            }), StudiesJson.Rows);
        });
        if (analysis.GroupColumn is not null)
        {
            writer.WriteRecord("gray_test", result.Tests.Select(test => new GrayJson(Label(test.Cause), test.ChiSquare, test.DegreesOfFreedom, test.P)), StudiesJson.Rows);
        }
    }

    // The JSON rows of `sarc cif --json` (SarcJson.Records): per cause its incidence at the asked times and at every step.
    internal sealed record PointJson(double Time, double Cif, double Variance);

    internal sealed record CauseJson(string Cause, IEnumerable<PointJson> At, IEnumerable<PointJson> Steps);

    internal sealed record GrayJson(string Cause, double Stat, int Df, double P);
}
