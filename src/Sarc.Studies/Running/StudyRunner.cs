using System.Globalization;
using Sarc.Data;
using Sarc.Data.Analysis;
using Sarc.Data.Formulas;
using Sarc.Data.Models;
using Sarc.Data.Tables;
using Sarc.Registry.Endpoints;
using Sarc.Statistics.Hypothesis;
using Sarc.Statistics.Survival;
using Sarc.Studies.Analyses;
using Sarc.Studies.Data;
using Sarc.Studies.Definitions;

namespace Sarc.Studies.Running;

/// <summary>
/// Runs a checked <see cref="StudyDefinition"/> on the analysis dataset (<see cref="StudyDataset"/>): selects the
/// cohort, adds the derived columns, then runs each analysis. A problem with one analysis (empty cohort, an endpoint
/// without events, a grouping with one level, bad values) becomes that analysis's <see cref="AnalysisResult.Error"/>
/// and the rest still run.
/// </summary>
public static class StudyRunner
{
    /// <summary>Level of every confidence interval a study reports (R's default).</summary>
    public const double DefaultConfidenceLevel = 0.95;

    /// <summary>Months at which a multistate analysis without <c>at</c> reports the state occupancy.</summary>
    public static IReadOnlyList<double> DefaultMultistateTimes { get; } = [12, 24, 60, 120];

    /// <summary>Runs <paramref name="study"/> on <paramref name="dataset"/>.</summary>
    public static StudyResult Run(StudyDefinition study, DataFrame dataset)
    {
        var cohort = Cohort(study, dataset);
        var results = new List<AnalysisResult>(study.Analyses.Count);
        foreach (var analysis in study.Analyses)
        {
            var title = analysis.Text("title");
            if (cohort.RowCount == 0)
            {
                results.Add(AnalysisResult.Failed(analysis.Id, analysis.Kind, title, "the cohort is empty: no patient meets the cohort conditions"));
                continue;
            }
            try
            {
                results.Add(RunOne(analysis, cohort, title));
            }
            catch (DataInputException e)
            {
                results.Add(AnalysisResult.Failed(analysis.Id, analysis.Kind, title, e.Message));
            }
        }
        return new StudyResult(study, cohort.RowCount, results);
    }

    /// <summary>The rows of <paramref name="dataset"/> that meet every cohort condition, with the derived columns added.</summary>
    public static DataFrame Cohort(StudyDefinition study, DataFrame dataset)
    {
        var keep = new List<int>(dataset.RowCount);
        var derived = study.Derived.Select(d => Derive(d, dataset)).ToArray();
        var all = dataset.Columns.Concat(derived).ToArray();
        var frame = new DataFrame(dataset.Source, all, dataset.LineNumbers);
        for (var row = 0; row < dataset.RowCount; row++)
        {
            var ok = true;
            foreach (var filter in study.Cohort)
            {
                if (!Passes(filter, frame, row))
                {
                    ok = false;
                    break;
                }
            }
            if (ok)
            {
                keep.Add(row);
            }
        }
        return frame.SelectRows(keep);
    }

    private static DataColumn Derive(Derivation derivation, DataFrame dataset)
    {
        var source = dataset.Column(derivation.Source);
        var values = new double[dataset.RowCount];
        for (var i = 0; i < values.Length; i++)
        {
            var v = NumberAt(source, i);
            values[i] = double.IsNaN(v) ? double.NaN : Compare(v, derivation.Operator, derivation.Threshold) ? 1 : 0;
        }
        return new DataColumn(derivation.Name, ColumnKind.Numeric, values, null);
    }

    private static bool Passes(CohortFilter filter, DataFrame frame, int row)
    {
        if (filter.Field == "has")
        {
            var lr = frame.Column("lr").Numbers![row] == 1;
            var dm = frame.Column("dm").Numbers![row] == 1;
            var death = frame.Column("death").Numbers![row] == 1;
            return filter.Values.All(v => v switch
            {
                "lr" => lr,
                "dm" => dm,
                "lr_or_dm" => lr || dm,
                "lr_and_dm" => lr && dm,
                "death" => death,
                _ => false,
            });
        }
        var column = frame.Column(filter.Field);
        if (column.IsMissing(row))
        {
            return false;
        }
        if (filter.Operator is { } op)
        {
            return Compare(NumberAt(column, row), op, filter.Threshold);
        }
        var text = column.TextAt(row);
        foreach (var value in filter.Values)
        {
            if (text == value || (column.Numbers is { } n && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && n[row] == x))
            {
                return true;
            }
        }
        return false;
    }

    private static bool Compare(double value, string op, double threshold) => op switch
    {
        ">=" => value >= threshold,
        ">" => value > threshold,
        "<=" => value <= threshold,
        "<" => value < threshold,
        "==" => value == threshold,
        "!=" => value != threshold,
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "Not a comparison operator."),
    };

    private static double NumberAt(DataColumn column, int row) => column.Numbers is { } n ? n[row]
        : double.TryParse(column.Texts![row], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN;

    private static AnalysisResult RunOne(AnalysisDefinition analysis, DataFrame cohort, string? title) => analysis.Kind switch
    {
        "table1" => Table1(analysis, cohort, title),
        "table2x2" => TwoByTwo(analysis, cohort, title),
        "correlate" => Correlate(analysis, cohort, title),
        "km" => KaplanMeier(analysis, cohort, title),
        "rates" => Rates(analysis, cohort, title),
        "cox" => Cox(analysis, cohort, title),
        "cif" => Cif(analysis, cohort, title),
        "finegray" => FineGrayModel(analysis, cohort, title),
        "multistate" => Multistate(analysis, cohort, title),
        _ => AnalysisResult.Failed(analysis.Id, analysis.Kind, title,
            $"the {analysis.Kind} engine is not part of this build yet: the analysis is defined but cannot run"),
    };

    private static AnalysisResult Table1(AnalysisDefinition analysis, DataFrame cohort, string? title)
    {
        var result = CompareReport.Analyse(cohort, analysis.Text("group")!, analysis.List("variables"), new Dictionary<string, ComparisonTest>());
        var warnings = result.Variables.SelectMany(v => v.Warnings).ToArray();
        return new AnalysisResult(analysis.Id, analysis.Kind, title, result, w => CompareReport.WriteJson(w, result), null, warnings);
    }

    private static AnalysisResult TwoByTwo(AnalysisDefinition analysis, DataFrame cohort, string? title)
    {
        var exposure = analysis.Text("exposure")!;
        var outcome = analysis.Text("outcome")!;
        var level = Number(analysis.Text("conf_level"), 0.95);
        var x = Binary(cohort, exposure);
        var y = Binary(cohort, outcome);
        int a = 0, b = 0, c = 0, d = 0, excluded = 0;
        for (var i = 0; i < x.Length; i++)
        {
            if (double.IsNaN(x[i]) || double.IsNaN(y[i]))
            {
                excluded++;
            }
            else if (x[i] == 1)
            {
                if (y[i] == 1) { a++; } else { b++; }
            }
            else
            {
                if (y[i] == 1) { c++; } else { d++; }
            }
        }
        if (a + b == 0 || c + d == 0)
        {
            throw new DataInputException($"'{exposure}' has a single level in the cohort: a 2 x 2 table needs exposed and unexposed patients");
        }
        var table = new TwoByTwoTable(a, b, c, d);
        var result = TwoByTwoTest.Test(table, level);
        var payload = new TwoByTwoAnalysisResult(exposure, outcome, excluded, table, result, level);
        return new AnalysisResult(analysis.Id, analysis.Kind, title, payload, w =>
        {
            w.WriteString("exposure", exposure);
            w.WriteString("outcome", outcome);
            w.WriteNumber("n_excluded", excluded);
            TwoByTwoReport.WriteJson(w, table, result, level);
        }, null, result.Warnings);
    }

    private static AnalysisResult Correlate(AnalysisDefinition analysis, DataFrame cohort, string? title)
    {
        var method = analysis.Text("method") == "pearson" ? CorrelationMethod.Pearson : CorrelationMethod.Spearman;
        var x = analysis.Text("x")!;
        var xs = AnalysisColumns.NumericWithMissing(cohort, x);
        var pairs = analysis.List("y").Select(name => (name, CorrelationTest.Test(xs, AnalysisColumns.NumericWithMissing(cohort, name), method))).ToArray();
        var payload = new CorrelationAnalysis(method, x, pairs);
        var warnings = pairs.SelectMany(p => p.Item2.Warnings.Select(w => $"{x} ~ {p.name}: {w}")).ToArray();
        return new AnalysisResult(analysis.Id, analysis.Kind, title, payload, w => CorrelationReport.WriteJson(w, method, x, pairs), null, warnings);
    }

    private static AnalysisResult KaplanMeier(AnalysisDefinition analysis, DataFrame cohort, string? title)
    {
        var endpoint = analysis.Text("endpoint")!;
        var group = analysis.Text("group");
        var options = new KaplanMeierOptions
        {
            ConfidenceType = analysis.Text("conf_type") switch
            {
                "log-log" => ConfidenceType.LogLog,
                "plain" => ConfidenceType.Plain,
                _ => ConfidenceType.Log,
            },
        };
        var at = analysis.List("at").Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var result = KmReport.Analyse(cohort, endpoint + "_months", endpoint + "_event", group, options, at);
        if (result.Curves.Sum(c => c.EventCount) == 0)
        {
            throw new DataInputException($"no {endpoint} events among the {result.Curves.Sum(c => c.N)} patients analysed: no survival curve to estimate");
        }
        if (group is not null && result.Levels.Length < 2)
        {
            throw new DataInputException($"'{group}' has a single level ('{result.Levels.FirstOrDefault()}') in the cohort: nothing to compare");
        }
        return new AnalysisResult(analysis.Id, analysis.Kind, title, result, w =>
        {
            w.WriteString("endpoint", endpoint);
            KmReport.WriteJson(w, result);
        }, null, result.Warnings) { Endpoint = endpoint };
    }

    private static AnalysisResult Rates(AnalysisDefinition analysis, DataFrame cohort, string? title)
    {
        var group = analysis.Text("group");
        var level = Number(analysis.Text("conf_level"), 0.95);
        string?[]? labels = null;
        string[] levels = [];
        if (group is not null)
        {
            var column = cohort.Column(group);
            labels = Enumerable.Range(0, cohort.RowCount).Select(column.TextAt).ToArray();
            levels = LevelOrder.SortDistinct(labels.OfType<string>());
            if (levels.Length < 2)
            {
                throw new DataInputException($"'{group}' has a single level in the cohort: give rates without a group");
            }
        }
        var rates = new List<RateEstimate>();
        foreach (var outcome in analysis.List("outcomes"))
        {
            var y = Binary(cohort, outcome);
            foreach (var g in group is null ? new string?[] { null } : levels)
            {
                int events = 0, n = 0, missing = 0;
                for (var i = 0; i < y.Length; i++)
                {
                    if (g is not null && labels![i] != g)
                    {
                        continue;
                    }
                    if (double.IsNaN(y[i]))
                    {
                        missing++;
                        continue;
                    }
                    n++;
                    events += y[i] == 1 ? 1 : 0;
                }
                if (n == 0)
                {
                    throw new DataInputException($"'{outcome}' has no recorded value{(g is null ? "" : $" in group {g}")}: no rate to estimate");
                }
                rates.Add(new RateEstimate(outcome, g, events, n, missing, ProportionCI.ClopperPearson(events, n, level)));
            }
        }
        var payload = new RatesAnalysis(group, level, rates);
        return new AnalysisResult(analysis.Id, analysis.Kind, title, payload, w => RatesReport.WriteJson(w, payload), null, []);
    }

    private static AnalysisResult Cox(AnalysisDefinition analysis, DataFrame cohort, string? title)
    {
        var endpoint = analysis.Text("endpoint")!;
        var cluster = analysis.Text("cluster");
        var timeDependent = analysis.List("time_dependent");
        var data = timeDependent.Count == 0 ? cohort : CountingProcess.Split(cohort, endpoint, timeDependent);
        var response = timeDependent.Count == 0 ? $"Surv({endpoint}_months, {endpoint}_event)" : "Surv(tstart, tstop, status)";
        var formula = Formula.Parse($"{response} ~ {Rhs(analysis)}{(cluster is null ? "" : $" + cluster({cluster})")}");
        var payload = FitCox(data, formula, $"{endpoint} events");
        return new AnalysisResult(analysis.Id, analysis.Kind, title, payload, w =>
        {
            w.WriteString("endpoint", endpoint);
            CoxReport.WriteJson(w, payload.Fit, payload.Frame);
        }, null, payload.Fit.Warnings) { Endpoint = endpoint };
    }

    /// <summary>Fits a Cox model (R's defaults: Efron ties, 95% intervals) with the reference level of each factor term.</summary>
    /// <exception cref="DataInputException">No events among the rows used (<paramref name="events"/> names them), or a problem the model finds in the data.</exception>
    private static CoxAnalysis FitCox(DataFrame data, Formula formula, string events)
    {
        var frame = ModelFrame.Build(data, formula);
        var count = 0;
        foreach (var status in frame.Status)
        {
            count += status == 1 ? 1 : 0;
        }
        if (count == 0)
        {
            throw new DataInputException($"no {events} among the {frame.Status.Length} rows analysed: no Cox model to fit");
        }
        var fit = CoxReport.Fit(frame, new CoxOptions());
        return new CoxAnalysis(fit, frame, References(data, frame, fit));
    }

    /// <summary>The right-hand side of the definition's formula (<c>~ a + b</c> → <c>a + b</c>), or null without one.</summary>
    private static string? Rhs(AnalysisDefinition analysis) =>
        analysis.Text("formula") is { } text ? text[(text.IndexOf('~') + 1)..].Trim() : null;

    private static AnalysisResult FineGrayModel(AnalysisDefinition analysis, DataFrame cohort, string? title)
    {
        var endpoint = analysis.Text("endpoint")!;
        var cause = Number(analysis.Text("cause"), 1);
        if (!(cause >= 1) || cause != Math.Floor(cause) || cause > int.MaxValue)
        {
            throw new DataInputException($"cause must be a positive whole-number status code of {endpoint}_event, found {analysis.Text("cause")}");
        }
        var formula = Formula.Parse($"Surv({endpoint}_months, {endpoint}_event) ~ {Rhs(analysis)}");
        var result = FinegrayReport.Analyse(cohort, formula, (int)cause, DefaultConfidenceLevel);
        return new AnalysisResult(analysis.Id, analysis.Kind, title, result, w =>
        {
            w.WriteString("endpoint", endpoint);
            FinegrayReport.WriteJson(w, result);
        }, null, result.Fit.Warnings) { Endpoint = endpoint };
    }

    /// <summary>
    /// State occupancy (whole cohort and per level of <c>group</c>) and, with a formula, the Cox model of every
    /// observed transition. A transition whose model cannot be fitted keeps its own error; the analysis fails only
    /// when there is no transition at all or the grouping has one level.
    /// </summary>
    private static AnalysisResult Multistate(AnalysisDefinition analysis, DataFrame cohort, string? title)
    {
        IReadOnlyList<double> at = analysis.List("at") is { Count: > 0 } times
            ? times.Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()
            : DefaultMultistateTimes;
        var group = analysis.Text("group");
        var (intervals, leftOut, firstReason) = MultistateIntervals.Build(cohort);
        var warnings = new List<string>();
        if (leftOut > 0)
        {
            warnings.Add($"{leftOut} patient(s) without a path from entry left out ({firstReason}{(leftOut > 1 ? ", ..." : "")})");
        }
        if (intervals.RowCount == 0)
        {
            throw new DataInputException($"none of the {cohort.RowCount} patients has follow-up after surgery: no state occupancy to estimate");
        }
        string[] states = [.. MultistatePath.States.Skip(1)];
        var overall = Occupancy(intervals, states);
        var stateCount = overall.States.Length;
        if (overall.Result.Transitions.All(n => n == 0))
        {
            throw new DataInputException($"no transitions among the {overall.Result.Subjects} patients (no LR, DM or death recorded): every patient stays in entry");
        }
        var groups = new List<GroupOccupancy>();
        if (group is not null)
        {
            var column = intervals.Column(group);
            var levels = LevelOrder.SortDistinct(Enumerable.Range(0, intervals.RowCount).Select(column.TextAt).OfType<string>());
            if (levels.Length < 2)
            {
                throw new DataInputException($"'{group}' has a single level ('{levels.FirstOrDefault()}') in the cohort: nothing to compare");
            }
            foreach (var level in levels)
            {
                var rows = Enumerable.Range(0, intervals.RowCount).Where(r => column.TextAt(r) == level).ToArray();
                groups.Add(new GroupOccupancy(level, Occupancy(intervals.SelectRows(rows), states)));
            }
        }
        var rhs = Rhs(analysis);
        var models = new List<TransitionModel>();
        if (rhs is not null)
        {
            var formula = Formula.Parse($"Surv({MultistateIntervals.Start}, {MultistateIntervals.Stop}, {MultistateIntervals.Event}) ~ {rhs}");
            for (var from = 0; from < stateCount; from++)
            {
                for (var to = 0; to < stateCount; to++)
                {
                    if (overall.Result.Transitions[from * stateCount + to] == 0)
                    {
                        continue;
                    }
                    var (fromName, toName) = (overall.States[from], overall.States[to]);
                    try
                    {
                        var data = TransitionData.Select(intervals, "patient_id", MultistateIntervals.Start, MultistateIntervals.Event, fromName, toName);
                        var model = FitCox(data, formula, $"{fromName} -> {toName} transitions");
                        models.Add(new TransitionModel(fromName, toName, model, null));
                        warnings.AddRange(model.Fit.Warnings.Select(w => $"{fromName} -> {toName}: {w}"));
                    }
                    catch (DataInputException e)
                    {
                        models.Add(new TransitionModel(fromName, toName, null, e.Message));
                    }
                }
            }
        }
        var payload = new MultistateModels(overall, group, groups, rhs, models, at, leftOut);
        return new AnalysisResult(analysis.Id, analysis.Kind, title, payload, w => MultistateReport.WriteJson(w, payload), null, warnings) { At = at };
    }

    private static MultistateAnalysis Occupancy(DataFrame intervals, string[] states) => MultistateReport.Analyse(intervals, "patient_id",
        MultistateIntervals.Start, MultistateIntervals.Stop, MultistateIntervals.Event, states, [MultistatePath.States[MultistatePath.Death]]);

    private static AnalysisResult Cif(AnalysisDefinition analysis, DataFrame cohort, string? title)
    {
        var endpoint = analysis.Text("endpoint")!;
        var group = analysis.Text("group");
        var at = analysis.List("at").Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var result = CifReport.Analyse(cohort, endpoint + "_months", endpoint + "_event", group);
        if (result.Result.Causes.Length == 0)
        {
            throw new DataInputException($"no {endpoint} events among the {result.Result.Count} patients analysed: no cumulative incidence to estimate");
        }
        if (group is not null && result.Levels.Length < 2)
        {
            throw new DataInputException($"'{group}' has a single level ('{result.Levels.FirstOrDefault()}') in the cohort: no Gray's test");
        }
        return new AnalysisResult(analysis.Id, analysis.Kind, title, result, w =>
        {
            w.WriteString("endpoint", endpoint);
            CifReport.WriteJson(w, result, at);
        }, null, result.Warnings) { Endpoint = endpoint, At = at };
    }

    /// <summary>For each text-column term: the level among the fitted rows that has no coefficient (R's treatment contrast reference).</summary>
    private static Dictionary<string, string> References(DataFrame data, ModelFrame frame, CoxResult fit)
    {
        var references = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var label in frame.TermLabels)
        {
            if (!data.HasColumn(label) || data.Column(label).Texts is not { } texts)
            {
                continue;
            }
            var levels = LevelOrder.SortDistinct(frame.Rows.Select(r => texts[r]).OfType<string>());
            if (levels.FirstOrDefault(l => !fit.Coefficients.Any(c => c.Term == label + l)) is { } reference)
            {
                references[label] = reference;
            }
        }
        return references;
    }

    /// <summary>A yes/no column as 1/0 (NaN where missing), read as every analysis reads an event.</summary>
    /// <exception cref="DataInputException">A value outside the column's coding.</exception>
    private static double[] Binary(DataFrame frame, string name) => AnalysisColumns.IndicatorWithMissing(frame, name);

    private static double Number(string? text, double fallback) =>
        text is null ? fallback : double.Parse(text, CultureInfo.InvariantCulture);
}
