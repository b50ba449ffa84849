using Sarc.Data.Analysis;
using Sarc.Data.Formulas;
using Sarc.Registry.Endpoints;
using Sarc.Statistics.Survival;
using Sarc.Studies.Data;
using Sarc.Studies.Figures;

namespace Sarc.Studies.Kinds;

/// <summary>
/// <c>km</c>: Kaplan-Meier curves of an endpoint (per group), survival at times, log-rank and the reverse-KM follow-up,
/// as <c>sarc km</c>; the figure has the numbers at risk under its axis.
/// </summary>
public sealed class KmKind() : AnalysisKind<KmAnalysis>("km",
[
    KindParameters.Endpoint, KindParameters.Group, KindParameters.At,
    new("conf_type", ParameterRole.Choice, false, ["log", "log-log", "plain"]), new("landmark", ParameterRole.Number, false),
    new("method", ParameterRole.Choice, false, [KaplanMeierMethod, SimonMakuchMethod]), new("max_time", ParameterRole.Number, false),
])
{
    private const string KaplanMeierMethod = "kaplan-meier";
    private const string SimonMakuchMethod = "simon-makuch";

    /// <summary>
    /// A grouping recorded after the endpoint's time zero (<see cref="StudyFields.PostBaseline"/>) needs a landmark or
    /// the Simon-Makuch method, and both need a grouping dated during follow-up; a landmark is a positive number of months.
    /// </summary>
    public override void Check(AnalysisDefinition analysis, Action<Parameter?, string> error)
    {
        var group = analysis.Parameters.GetValueOrDefault("group");
        var landmark = analysis.Parameters.GetValueOrDefault("landmark");
        var method = analysis.Parameters.GetValueOrDefault("method");
        var simonMakuch = method?.Scalar == SimonMakuchMethod;
        var endpoint = analysis.Text("endpoint") ?? "";
        var column = group?.Scalar;
        if (landmark is not null && simonMakuch)
        {
            error(landmark, "give either landmark or method: simon-makuch, not both");
            return;
        }
        if (landmark?.Scalar is { } text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var months) && !(months > 0 && double.IsFinite(months)))
        {
            error(landmark, $"'landmark' must be a positive number of months, found {text}");
        }
        if (column is not null && IsPostBaseline(column, endpoint) && landmark is null && !simonMakuch)
        {
            var fix = StudyFields.PostBaseline[column] is null
                ? $"it has no date to landmark at: use an endpoint that starts at {(StudyFields.KnownAtRelapse.Contains(column) ? "the first relapse" : "the event")}, or describe it with rates"
                : "name landmark: MONTHS (patients alive and event-free then, grouped by their status then) or method: simon-makuch (the grouping as a time-dependent covariate)";
            error(group, $"'{column}' is recorded after time zero of {endpoint} ({ReportWords.Origin(endpoint)}): grouping survival by it gives immortal-time bias; {fix}");
        }
        if ((landmark is not null || simonMakuch) && (column is null || StudyFields.PostBaseline.GetValueOrDefault(column) is null))
        {
            error(landmark ?? method, $"a landmark or Simon-Makuch analysis needs a group that is an event dated during follow-up ({string.Join(", ", StudyFields.PostBaseline.Where(p => p.Value is not null).Select(p => p.Key))})");
        }
    }

    private static bool IsPostBaseline(string column, string endpoint) =>
        StudyFields.PostBaseline.ContainsKey(column) && !(StudyFields.FromRelapse.Contains(endpoint) && StudyFields.KnownAtRelapse.Contains(column));

    /// <inheritdoc/>
    public override KmAnalysis Run(AnalysisDefinition analysis, DataFrame cohort)
    {
        var endpoint = KindInputs.Endpoint(analysis);
        var group = KindInputs.Group(analysis);
        var options = new KaplanMeierOptions
        {
            ConfidenceType = analysis.Text("conf_type") switch
            {
                "log-log" => ConfidenceType.LogLog,
                "plain" => ConfidenceType.Plain,
                _ => ConfidenceType.Log,
            },
        };
        var at = KindInputs.At(analysis);
        var result = analysis.Text("method") == SimonMakuchMethod ? SimonMakuch(cohort, endpoint, group!, options, at)
            : analysis.Text("landmark") is not null ? Landmark(cohort, endpoint, group!, KindInputs.Number(analysis, "landmark", 0), options, at)
            : KmReport.Analyse(cohort, EndpointNames.MonthsColumn(endpoint), EndpointNames.EventColumn(endpoint), group, options, at);
        if (result.Curves.Sum(c => c.EventCount) == 0)
        {
            throw new DataInputException($"no {endpoint} events among the {result.Curves.Sum(c => c.N)} patients analysed: no survival curve to estimate");
        }
        if (group is not null && result.Levels.Length < 2)
        {
            throw new DataInputException($"'{group}' has a single level ('{result.Levels.FirstOrDefault()}') in the cohort: nothing to compare");
        }
        return result;
    }

    /// <summary>
    /// Landmark analysis: the patients alive and event-free after <paramref name="landmark"/> months (endpoint time
    /// &gt; landmark), grouped by whether the grouping event had happened by then (its date ≤ landmark), time counted from
    /// the landmark; as R <c>survfit(Surv(time - L, status) ~ I(event_time &lt;= L), subset = time &gt; L)</c>.
    /// </summary>
    private static KmAnalysis Landmark(DataFrame cohort, string endpoint, string group, double landmark, KaplanMeierOptions options, double[] at)
    {
        var time = cohort.Column(EndpointNames.MonthsColumn(endpoint));
        var status = cohort.Column(EndpointNames.EventColumn(endpoint));
        var (flag, dated) = GroupingEvent(cohort, group);
        var rows = new List<int>();
        var shifted = new List<double>();
        var groupAt = new List<double>();
        var excluded = 0;
        for (var i = 0; i < cohort.RowCount; i++)
        {
            var t = KindInputs.NumberAt(time, i);
            if (double.IsNaN(t) || status.IsMissing(i))
            {
                // Missing time or status: counted with the other missing values by the KM analysis.
                rows.Add(i);
                shifted.Add(double.NaN);
                groupAt.Add(double.NaN);
                continue;
            }
            if (!(t > landmark))
            {
                excluded++;
                continue;
            }
            var eventTime = KindInputs.NumberAt(dated, i);
            rows.Add(i);
            shifted.Add(t - landmark);
            groupAt.Add(double.IsNaN(flag[i]) ? double.NaN : flag[i] == 1 && eventTime <= landmark ? 1 : 0);
        }
        if (shifted.Count(t => !double.IsNaN(t)) == 0)
        {
            throw new DataInputException($"nobody of the {cohort.RowCount} patients is alive and free of the {endpoint} event after the landmark of {ReportText.Number(landmark)} months");
        }
        var selected = cohort.SelectRows(rows.ToArray());
        var columns = selected.Columns.Select(c => c.Name == EndpointNames.MonthsColumn(endpoint) ? new DataColumn(c.Name, ColumnKind.Numeric, shifted.ToArray(), null)
            : c.Name == group ? new DataColumn(group, ColumnKind.Numeric, groupAt.ToArray(), null) : c).ToList();
        var frame = new DataFrame(cohort.Source, columns, selected.LineNumbers);
        var result = KmReport.Analyse(frame, EndpointNames.MonthsColumn(endpoint), EndpointNames.EventColumn(endpoint), group, options, at);
        return result with { Method = "landmark", Landmark = landmark, LandmarkExcluded = excluded };
    }

    /// <summary>
    /// The grouping of a landmark or Simon-Makuch analysis, an event dated during follow-up: its 0/1 flag (NaN where
    /// missing) and the column of months from the endpoint's origin to it.
    /// </summary>
    private static (double[] Flag, DataColumn Months) GroupingEvent(DataFrame cohort, string group) =>
        (KindInputs.Binary(cohort, group), cohort.Column(StudyFields.PostBaseline[group]!));

    /// <summary>
    /// Simon-Makuch: each patient is in group 0 until the grouping event and in group 1 after it (rows split at the
    /// event's date, as <c>tmerge(..., tdc(event_time))</c>; an event on the day of the endpoint does not precede it), and
    /// the product-limit estimate is computed on the counting-process rows, as R
    /// <c>survfit(Surv(tstart, tstop, status) ~ group)</c>; the Mantel-Byar test is the score test of
    /// <c>coxph(Surv(tstart, tstop, status) ~ group)</c>.
    /// </summary>
    private static KmAnalysis SimonMakuch(DataFrame cohort, string endpoint, string group, KaplanMeierOptions options, double[] at)
    {
        var time = cohort.Column(EndpointNames.MonthsColumn(endpoint));
        var statusValues = AnalysisColumns.EventWithMissing(cohort, EndpointNames.EventColumn(endpoint));
        var (flag, dated) = GroupingEvent(cohort, group);
        // One counting-process row per interval (a patient's two when the event splits its follow-up), and each
        // patient's whole follow-up for the reverse Kaplan-Meier.
        var rows = new List<(double Start, double Stop, double Status, int Group)>();
        var follow = new List<(double Time, double Status)>();
        var excluded = 0;
        for (var i = 0; i < cohort.RowCount; i++)
        {
            var t = KindInputs.NumberAt(time, i);
            var s = statusValues[i];
            if (double.IsNaN(t) || double.IsNaN(s) || double.IsNaN(flag[i]) || !(t > 0))
            {
                excluded++;
                continue;
            }
            var died = s == 1 ? 1 : 0;
            follow.Add((t, died));
            var e = flag[i] == 1 ? KindInputs.NumberAt(dated, i) : double.NaN;
            if (e > 0 && e < t)
            {
                rows.Add((0, e, 0, 0));
                rows.Add((e, t, died, 1));
            }
            else
            {
                rows.Add((0, t, died, flag[i] == 1 && e <= 0 ? 1 : 0));
            }
        }
        var start = rows.Select(r => r.Start).ToArray();
        var stop = rows.Select(r => r.Stop).ToArray();
        var status = rows.Select(r => r.Status).ToArray();
        var codes = rows.Select(r => r.Group).ToArray();
        if (!codes.Contains(0) || !codes.Contains(1))
        {
            throw new DataInputException($"'{group}' does not change during follow-up for anyone of the {follow.Count} patients analysed: no Simon-Makuch comparison");
        }
        var curves = new CountingProcessKaplanMeier(options).Fit(new SurvivalData(stop, status, codes, 2, start));
        var risk = new RiskRows[2];
        for (var g = 0; g < 2; g++)
        {
            var inGroup = rows.Where(r => r.Group == g).ToArray();
            risk[g] = new RiskRows(inGroup.Select(r => r.Start).ToArray(), inGroup.Select(r => r.Stop).ToArray());
        }
        var frame = new DataFrame(cohort.Source,
        [
            new DataColumn("tstart", ColumnKind.Numeric, start, null), new DataColumn("tstop", ColumnKind.Numeric, stop, null),
            new DataColumn("status", ColumnKind.Numeric, status, null),
            new DataColumn(group, ColumnKind.Numeric, codes.Select(c => (double)c).ToArray(), null),
        ], new int[codes.Length]);
        var mantelByar = CoxFitting.Fit(frame, Formula.Parse($"Surv(tstart, tstop, status) ~ {group}"), $"{endpoint} events").Fit.ScoreTest;
        var followUp = new KaplanMeier(options).Fit(new SurvivalData(follow.Select(f => f.Time).ToArray(), follow.Select(f => f.Status).ToArray())).MedianFollowUp;
        var summaries = curves.Select(c => c.SummaryAt(at).ToArray()).ToArray();
        var warnings = curves.SelectMany(c => c.Warnings).Distinct().ToArray();
        return new KmAnalysis(excluded, followUp, group, ["0", "1"], curves, summaries, null, warnings)
        {
            Method = SimonMakuchMethod, MantelByar = mantelByar, RiskRows = risk,
        };
    }

    /// <inheritdoc/>
    public override IReadOnlyList<string> Warnings(KmAnalysis result) => result.Warnings;

    /// <inheritdoc/>
    public override void WriteJson(Utf8JsonWriter writer, KmAnalysis result, AnalysisDefinition analysis)
    {
        writer.WriteString("endpoint", analysis.Text("endpoint"));
        KmReport.WriteJson(writer, result);
        if (result.Method != KaplanMeierMethod)
        {
            writer.WriteString("method", result.Method);
        }
        if (result.Landmark is { } landmark)
        {
            writer.WriteStartObject("landmark");
            writer.WriteNumber("months", landmark);
            writer.WriteNumber("n_not_at_risk", result.LandmarkExcluded);
            writer.WriteEndObject();
        }
        if (result.MantelByar is { } test)
        {
            writer.WriteChiSquare("mantel_byar", test);
        }
    }

    /// <inheritdoc/>
    public override IReadOnlyList<ReportBlock> Present(KmAnalysis km, ReportContext context)
    {
        var labels = context.Labels;
        var endpoint = context.Analysis.Text("endpoint");
        var maxTime = context.Analysis.Text("max_time") is null ? (double?)null : KindInputs.Number(context.Analysis, "max_time", 0);
        var origin = km.Landmark is { } l ? $"the landmark ({ReportText.Number(l)} months after {ReportWords.Origin(endpoint)})" : ReportWords.Origin(endpoint);
        var method = km.Method switch
        {
            SimonMakuchMethod => $"Simon-Makuch (extended Kaplan-Meier) estimates: patients move to the {labels.Group(km.GroupColumn!, "1")} group at the event",
            "landmark" => $"Landmark analysis at {ReportText.Number(km.Landmark!.Value)} months: patients alive and event-free then, grouped by their status then; Kaplan-Meier estimates",
            _ => "Kaplan-Meier estimates",
        };
        var axisEnd = maxTime is { } m ? $"the axis stops at {ReportText.Number(m)} months" : "the axis stops where fewer than 10% of a group remain at risk";
        var figure = new ReportFigure("", new KmFigure(km, ReportWords.Endpoint(endpoint), "Months since " + origin, labels, maxTime), context.Analysis.Text("title") ?? context.Analysis.Id,
            $"{method} with 95% confidence bands ({ConfidenceWords(context.Analysis.Text("conf_type"))}); ticks mark censored patients; {axisEnd}.");
        var times = km.At.Count > 0 ? km.At[0].Select(a => a.Time).ToArray() : [];
        string[] header = ["Group", km.Method == SimonMakuchMethod ? "n (ever in group)" : "n", "Events", "Median (95% CI)", .. times.Select(t => $"{ReportText.Number(t)} mo, % (95% CI)")];
        var rows = new List<ReportRow>();
        for (var g = 0; g < km.Curves.Count; g++)
        {
            var curve = km.Curves[g];
            var median = curve.Median();
            rows.Add(new ReportRow(
            [
                km.GroupColumn is null ? "All" : labels.Group(km.GroupColumn, km.Levels[g]), curve.N.ToString(CultureInfo.InvariantCulture),
                curve.EventCount.ToString(CultureInfo.InvariantCulture),
                $"{ReportText.Fixed(median.Estimate, 1)} ({ReportText.Fixed(median.Lower, 1)}–{ReportText.Fixed(median.Upper, 1)})",
                .. km.At[g].Select(a => $"{ReportWords.Percent(a.Survival)} ({ReportWords.Percent(a.Lower)}–{ReportWords.Percent(a.Upper)})"),
            ]));
        }
        var test = km.MantelByar is { } mb ? $"Mantel-Byar test (score test of the Cox model with the time-dependent grouping) χ² = {ReportText.Fixed(mb.ChiSquare, 2)} on {mb.DegreesOfFreedom} df, {ReportText.PEquals(mb.P)}. "
            : km.LogRank is { } lr ? $"Log-rank χ² = {ReportText.Fixed(lr.ChiSquare, 2)} on {lr.DegreesOfFreedom} df, {ReportText.PEquals(lr.P)}. " : "";
        var analysed = km.Method == SimonMakuchMethod ? km.Curves[0].N + km.Curves[1].N - km.RiskRows![1].Start.Count(s => s > 0) : km.Curves.Sum(c => c.N);
        var excluded = km.Landmark is { } lm
            ? $" {km.LandmarkExcluded} patient(s) not alive and event-free at {ReportText.Number(lm)} months left out."
            : "";
        var caption = $"{test}Median follow-up (reverse Kaplan-Meier) {ReportText.Fixed(km.MedianFollowUp.Estimate, 1)} months. NA: not reached. "
            + ReportWords.Counts(analysed, km.Excluded, km.Method == SimonMakuchMethod ? "missing time, status or group, or no follow-up" : "missing time, status or group") + excluded;
        return [figure, new ReportTable("", header, rows, caption)];
    }

    private static string ConfidenceWords(string? confType) => confType switch
    {
        "log-log" => "log-log transform",
        "plain" => "plain",
        _ => "log transform",
    };
}
