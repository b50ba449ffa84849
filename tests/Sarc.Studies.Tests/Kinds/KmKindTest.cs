using System.Text.Json;
using Sarc.Data.Csv;
using Sarc.Data.Tables;
using Sarc.Statistics.Survival;
using Sarc.Studies.Analyses;
using Sarc.Studies.Definitions;
using Sarc.Studies.Running;
using Sarc.Testing;

namespace Sarc.Studies.Tests.Kinds;

public class KmKindTest
{
    private static readonly JsonElement Reference = Fixture.Reference("landmark_simon_makuch");

    private static DataFrame Patients() => CsvTableReader.Read(Fixture.PathOf("validation", "data", "sm_patients.csv"));

    private static StudyParseResult Parse(string analysis) => StudyParser.Parse($"""
        id: s
        title: S
        analyses:
          - id: a
            kind: km
            endpoint: os
            at: [6, 12, 24, 60]
        {analysis}
        """, "s.yaml");

    private static KmAnalysis Run(string analysis)
    {
        var parsed = Parse(analysis);
        Assert.Empty(parsed.Errors);
        var result = StudyRunner.Run(parsed.Study!, Patients()).Analyses[0];
        Assert.Null(result.Error);
        return Assert.IsType<KmAnalysis>(result.Payload);
    }

    private static void AssertCurves(JsonElement expected, KmAnalysis actual, string what)
    {
        var groups = expected.GetProperty("groups");
        Assert.Equal(groups.GetArrayLength(), actual.Curves.Count);
        for (var g = 0; g < actual.Curves.Count; g++)
        {
            var e = groups[g];
            var curve = actual.Curves[g];
            Assert.Equal(Fixture.Numbers(e.GetProperty("time")).Length, curve.Time.Length);
            string[] names = ["time", "surv", "std_err", "lower", "upper"];
            double[][] values = [[.. curve.Time], [.. curve.Survival], [.. curve.StdErrLog], [.. curve.Lower], [.. curve.Upper]];
            for (var k = 0; k < names.Length; k++)
            {
                var reference = Fixture.Numbers(e.GetProperty(names[k]));
                var tolerance = names[k] is "lower" or "upper" ? Tolerance.PValue : Tolerance.Estimate;
                for (var i = 0; i < reference.Length; i++)
                {
                    AssertNear.Relative(reference[i], values[k][i], tolerance, $"{what} group {g} {names[k]}[{i}]");
                }
            }
            Assert.Equal(Fixture.Numbers(e.GetProperty("n_risk")).Select(x => (int)x).ToArray(), curve.AtRisk.ToArray());
            Assert.Equal(Fixture.Numbers(e.GetProperty("n_event")).Select(x => (int)x).ToArray(), curve.Events.ToArray());
            var at = expected.GetProperty("at")[g];
            var surv = Fixture.Numbers(at.GetProperty("surv"));
            var risk = Fixture.Numbers(at.GetProperty("n_risk"));
            for (var i = 0; i < surv.Length; i++)
            {
                AssertNear.Relative(surv[i], actual.At[g][i].Survival, Tolerance.Estimate, $"{what} group {g} survival at {actual.At[g][i].Time}");
                Assert.Equal((int)risk[i], actual.At[g][i].AtRisk);
            }
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Run_Landmark_MatchesRSurvfitOnTheLandmarkSubset(int k)
    {
        var expected = Reference.GetProperty("landmarks")[k];
        var months = expected.GetProperty("landmark").GetDouble();

        var actual = Run($"    group: lr\n    landmark: {months}");

        Assert.Equal("landmark", actual.Method);
        Assert.Equal(expected.GetProperty("n_not_at_risk").GetInt32(), actual.LandmarkExcluded);
        Assert.Equal(expected.GetProperty("n").GetInt32(), actual.Curves.Sum(c => c.N));
        AssertCurves(expected, actual, $"landmark {months}");
        var logrank = expected.GetProperty("logrank");
        AssertNear.Relative(logrank.GetProperty("chisq"), actual.LogRank!.ChiSquare, Tolerance.PValue, "log-rank chisq");
        AssertNear.Relative(logrank.GetProperty("p"), actual.LogRank.P, Tolerance.PValue, "log-rank p");
    }

    [Fact]
    public void Run_SimonMakuch_MatchesRSurvfitOnCountingProcessRowsAndTheCoxScoreTest()
    {
        var expected = Reference.GetProperty("simon_makuch");

        var actual = Run("    group: lr\n    method: simon-makuch");

        Assert.Equal("simon-makuch", actual.Method);
        Assert.Null(actual.LogRank);
        Assert.Equal(expected.GetProperty("rows").GetInt32(), actual.Curves.Sum(c => c.N));
        AssertCurves(expected, actual, "Simon-Makuch");
        var test = expected.GetProperty("mantel_byar");
        AssertNear.Relative(test.GetProperty("chisq"), actual.MantelByar!.ChiSquare, Tolerance.PValue, "Mantel-Byar chisq");
        AssertNear.Relative(test.GetProperty("p"), actual.MantelByar.P, Tolerance.PValue, "Mantel-Byar p");
    }

    [Theory]
    [InlineData("lr", "os")]
    [InlineData("dm", "dfs")]
    [InlineData("relapse", "os")]
    [InlineData("systemic_any", "os")]
    public void Parse_GroupingByAnEventAfterTimeZeroWithoutLandmark_IsOneErrorOnTheGroup(string group, string endpoint)
    {
        var result = StudyParser.Parse($"id: s\ntitle: S\nanalyses:\n  - id: a\n    kind: km\n    endpoint: {endpoint}\n    group: {group}\n", "s.yaml");

        var error = Assert.Single(result.Errors);
        Assert.Equal(7, error.Line);
        Assert.Contains($"'{group}' is recorded after time zero", error.Message);
        Assert.Contains("immortal-time bias", error.Message);
    }

    [Fact]
    public void Parse_RelapseTypeOnAnEndpointFromRelapse_IsBaseline()
    {
        var result = StudyParser.Parse("id: s\ntitle: S\nanalyses:\n  - id: a\n    kind: km\n    endpoint: post_relapse_os\n    group: relapse_type\n", "s.yaml");

        Assert.Empty(result.Errors);
    }

    [Theory]
    [InlineData("    group: relapse_type\n    landmark: 12", "an event dated during follow-up")]
    [InlineData("    group: lr\n    landmark: 12\n    method: simon-makuch", "not both")]
    [InlineData("    group: lr\n    landmark: -3", "positive number of months")]
    public void Parse_LandmarkOrSimonMakuchMisused_IsRefused(string analysis, string message)
    {
        var result = Parse(analysis);

        Assert.Contains(result.Errors, e => e.Message.Contains(message, StringComparison.Ordinal));
    }
}
