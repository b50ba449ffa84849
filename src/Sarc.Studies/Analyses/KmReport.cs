using System.Text.Json;
using Sarc.Data;
using Sarc.Data.Analysis;
using Sarc.Data.Tables;
using Sarc.Statistics;
using Sarc.Statistics.Survival;
using Sarc.Studies.Json;

namespace Sarc.Studies.Analyses;

/// <summary>
/// Kaplan-Meier from a table's columns, and its JSON: shared by <c>sarc km</c> and the study runner so that
/// <c>results.json</c> carries exactly what the command prints. As R <c>survfit(Surv(time, event) ~ group)</c>,
/// <c>survdiff</c> and the reverse-KM follow-up.
/// </summary>
public static class KmReport
{
    /// <summary>Runs the analysis on the rows where time, event (and group) are all present.</summary>
    /// <exception cref="DataInputException">No complete rows, or a time/event/group value that is not valid (naming its line).</exception>
    public static KmAnalysis Analyse(DataFrame frame, string timeColumn, string eventColumn, string? groupColumn,
        KaplanMeierOptions options, double[] atTimes)
    {
        var used = groupColumn is null ? new[] { timeColumn, eventColumn } : [timeColumn, eventColumn, groupColumn];
        var cases = CompleteCases.Of(frame, used);
        var times = AnalysisColumns.Time(cases, timeColumn);
        var events = AnalysisColumns.Event(cases, eventColumn);
        if (times.Length == 0)
        {
            throw new DataInputException($"{frame.Source}: no rows left with {string.Join(", ", used)} all present ({cases.Excluded} excluded)");
        }
        var warnings = new List<string>();
        var groups = groupColumn is null ? null : AnalysisColumns.Factor(cases, groupColumn);
        Stages.Mark("km: complete cases, columns");
        var result = new KaplanMeier(options).Fit(new SurvivalData(times, events, groups?.Codes, groups?.LevelCount ?? 1));
        Stages.Mark("km: curves, follow-up, log-rank");
        warnings.AddRange(result.Warnings);
        if (groups is { LevelCount: 1 })
        {
            warnings.Add($"column '{groupColumn}' has a single level ('{groups.Levels[0]}'): no log-rank test");
        }
        var levels = groups?.Levels ?? [];
        var curves = result.Curves;
        var at = curves.Select(c => c.SummaryAt(atTimes).ToArray()).ToArray();
        return new KmAnalysis(cases.Excluded, result.MedianFollowUp, groupColumn, levels, curves, at, result.LogRank, warnings.Distinct().ToArray());
    }

    /// <summary>Writes the analysis's properties into the current JSON object (the body of <c>sarc km --json</c>).</summary>
    public static void WriteJson(Utf8JsonWriter writer, KmAnalysis analysis) => WriteJson(writer, analysis, bulkSteps: true);

    /// <summary>
    /// As <see cref="WriteJson(Utf8JsonWriter, KmAnalysis)"/>; without <paramref name="bulkSteps"/> every step goes
    /// through the writer one property at a time: the plain reference the tests hold the bulk formatting to.
    /// </summary>
    internal static void WriteJson(Utf8JsonWriter writer, KmAnalysis analysis, bool bulkSteps)
    {
        writer.WriteNumber("n_excluded", analysis.Excluded);
        writer.WriteStartObject("median_followup");
        writer.WriteNumberOrNull("median", analysis.MedianFollowUp.Estimate);
        writer.WriteNumberOrNull("lower", analysis.MedianFollowUp.Lower);
        writer.WriteNumberOrNull("upper", analysis.MedianFollowUp.Upper);
        writer.WriteEndObject();
        writer.WriteStartArray("groups");
        ReadOnlyMemory<byte>[]? steps = null;
        for (var g = 0; g < analysis.Curves.Count; g++)
        {
            var curve = analysis.Curves[g];
            var median = curve.Median();
            writer.WriteStartObject();
            // A null string is written as JSON null: no grouping.
            writer.WriteString("group", analysis.GroupColumn is null ? null : analysis.Levels[g]);
            writer.WriteNumber("n", curve.N);
            writer.WriteNumber("events", curve.EventCount);
            writer.WriteNumberOrNull("median", median.Estimate);
            writer.WriteNumberOrNull("median_lower", median.Lower);
            writer.WriteNumberOrNull("median_upper", median.Upper);
            writer.WriteStartArray("at");
            foreach (var row in analysis.At[g])
            {
                writer.WriteStartObject();
                writer.WriteNumber("time", row.Time);
                writer.WriteNumber("n_risk", row.AtRisk);
                writer.WriteNumberOrNull("surv", row.Survival);
                writer.WriteNumberOrNull("std_err", row.StdErr);
                writer.WriteNumberOrNull("lower", row.Lower);
                writer.WriteNumberOrNull("upper", row.Upper);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WritePropertyName("steps");
            if (bulkSteps)
            {
                // Every step of every curve: formatted once for all groups (on both cores when large), at this depth.
                steps ??= KmStepsJson.Format(writer, analysis.Curves);
                writer.WriteRawValue(steps[g].Span, skipInputValidation: true);
            }
            else
            {
                WriteSteps(writer, curve);
            }
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        if (analysis.LogRank is { } test)
        {
            writer.WriteChiSquare("logrank", test);
        }
        else if (analysis.GroupColumn is not null)
        {
            writer.WriteNull("logrank");
        }
    }

    private static void WriteSteps(Utf8JsonWriter writer, KaplanMeierCurve curve)
    {
        writer.WriteStartArray();
        for (var i = 0; i < curve.Time.Length; i++)
        {
            writer.WriteStartObject();
            writer.WriteNumber("time", curve.Time[i]);
            writer.WriteNumber("n_risk", curve.AtRisk[i]);
            writer.WriteNumber("n_event", curve.Events[i]);
            writer.WriteNumber("n_censor", curve.Censored[i]);
            writer.WriteNumberOrNull("surv", curve.Survival[i]);
            writer.WriteNumberOrNull("lower", curve.Lower[i]);
            writer.WriteNumberOrNull("upper", curve.Upper[i]);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }
}
