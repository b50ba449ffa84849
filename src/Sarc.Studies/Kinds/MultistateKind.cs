using Sarc.Data.Analysis;
using Sarc.Data.Formulas;
using Sarc.Data.Models;
using Sarc.Registry.Endpoints;
using Sarc.Studies.Data;
using Sarc.Studies.Figures;

namespace Sarc.Studies.Kinds;

/// <summary>
/// <c>multistate</c>: state occupancy of entry → LR → DM → death (whole cohort and per level of <c>group</c>) and,
/// with a formula, the Cox model of every observed transition. A transition whose model cannot be fitted keeps its own
/// error; the analysis fails only when there is no transition at all or the grouping has one level.
/// </summary>
public sealed class MultistateKind() : AnalysisKind<MultistateModels>(
    "multistate", [new("formula", ParameterRole.Formula, false), KindParameters.Group, KindParameters.At])
{
    /// <summary>Months at which a multistate analysis without <c>at</c> reports the state occupancy.</summary>
    public static IReadOnlyList<double> DefaultTimes { get; } = [12, 24, 60, 120];

    /// <inheritdoc/>
    public override MultistateModels Run(AnalysisDefinition analysis, DataFrame cohort)
    {
        IReadOnlyList<double> at = analysis.List("at").Count > 0 ? KindInputs.At(analysis) : DefaultTimes;
        var group = KindInputs.Group(analysis);
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
            var factor = AnalysisColumns.FactorWithMissing(CompleteCases.Of(intervals, []), group);
            if (factor.LevelCount < 2)
            {
                throw new DataInputException($"'{group}' has a single level ('{factor.Levels.FirstOrDefault()}') in the cohort: nothing to compare");
            }
            for (var level = 0; level < factor.LevelCount; level++)
            {
                var rows = Enumerable.Range(0, intervals.RowCount).Where(r => factor.Codes[r] == level).ToArray();
                groups.Add(new GroupOccupancy(factor.Levels[level], Occupancy(intervals.SelectRows(rows), states)));
            }
        }
        var rhs = KindInputs.Rhs(analysis);
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
                        var model = CoxFitting.Fit(data, formula, $"{fromName} -> {toName} transitions");
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
        return new MultistateModels(overall, group, groups, rhs, models, at, leftOut) { Warnings = warnings };
    }

    private static MultistateAnalysis Occupancy(DataFrame intervals, string[] states) => MultistateReport.Analyse(intervals, "patient_id",
        MultistateIntervals.Start, MultistateIntervals.Stop, MultistateIntervals.Event, states, [MultistatePath.States[MultistatePath.Death]]);

    /// <inheritdoc/>
    public override IReadOnlyList<string> Warnings(MultistateModels result) => result.Warnings;

    /// <inheritdoc/>
    public override void WriteJson(Utf8JsonWriter writer, MultistateModels result, AnalysisDefinition analysis) => MultistateReport.WriteJson(writer, result);

    /// <inheritdoc/>
    public override IReadOnlyList<ReportBlock> Present(MultistateModels m, ReportContext context)
    {
        var labels = context.Labels;
        var states = m.Overall.States;
        var panels = m.Groups.Count > 0
            ? m.Groups.Select(g => ($"{labels.Group(m.GroupColumn!, g.Level)} (n = {g.Occupancy.Result.Subjects})", g.Occupancy)).ToArray()
            : [("", m.Overall)];
        var blocks = new List<ReportBlock>
        {
            new ReportFigure("", new StateOccupancyFigure(panels), "Stacked state occupancy",
                $"Probability of being in each state over time (Aalen-Johansen, stacked: the height of each band is the probability of that state){(m.Groups.Count > 0 ? $", by {labels.Name(m.GroupColumn!)}" : "")}; the bands stop where fewer than 10% of a group remain followed."),
        };

        // Occupancy at the requested times: one row per group and time, % (standard error) per state.
        string[] header = ["Group", "Months", .. states.Select(s => StateOccupancyFigure.StateLabel(s) + ", % (SE)")];
        var rows = new List<ReportRow>();
        foreach (var (label, occupancy) in new[] { ("All", m.Overall) }.Concat(m.Groups.Select(g => (labels.Group(m.GroupColumn!, g.Level), g.Occupancy))))
        {
            foreach (var t in m.At)
            {
                var (p, se) = occupancy.Result.At(t);
                rows.Add(new ReportRow([label, ReportText.Number(t), .. states.Select((_, s) => $"{ReportWords.Percent(p[s])} ({ReportWords.Percent(se[s])})")]));
            }
        }
        var count = states.Length;
        var moves = new List<string>();
        for (var from = 0; from < count; from++)
        {
            for (var to = 0; to < count; to++)
            {
                if (m.Overall.Result.Transitions[from * count + to] is var n and > 0)
                {
                    moves.Add($"{ReportWords.StateShort(states[from])} → {ReportWords.StateShort(states[to])} {n}");
                }
            }
        }
        var analysed = m.Overall.Result.Subjects;
        blocks.Add(new ReportTable("", header, rows,
            $"State occupancy in % with infinitesimal-jackknife standard errors (as R survfit(Surv(start, stop, state) ~ 1, id = patient)); observed transitions: {string.Join(", ", moves)}. NA: after the last follow-up. "
            + ReportWords.Counts(analysed, m.LeftOut, "no path from entry: first event at time 0")));
        if (m.Formula is null)
        {
            return blocks;
        }

        // Transition-specific Cox models: one forest with a heading per transition, and the same as a table.
        var forest = new List<ForestRow>();
        var cells = new List<ReportRow>();
        foreach (var transition in m.Transitions)
        {
            var name = $"{ReportWords.StateShort(transition.From)} → {ReportWords.StateShort(transition.To)}";
            if (transition.Model is not { } model)
            {
                cells.Add(ReportRow.Heading($"{name}: not fitted ({transition.Error})"));
                continue;
            }
            var fit = model.Fit;
            forest.Add(ForestRow.Heading($"{name} ({fit.Events} events)"));
            forest.AddRange(ForestFigure.Rows(fit, model.References, labels));
            cells.Add(ReportRow.Heading($"{name}: {fit.N} patients at risk, {fit.Events} events{(model.Frame.Excluded > 0 ? $", {model.Frame.Excluded} excluded (missing value of a model term)" : "")}"));
            foreach (var c in fit.Coefficients)
            {
                cells.Add(new ReportRow([labels.Term(c.Term, model.References.Keys), ReportText.Fixed(c.HazardRatio, 2), $"{ReportText.Fixed(c.HazardRatioLower, 2)}–{ReportText.Fixed(c.HazardRatioUpper, 2)}", ReportText.PValue(c.P)]));
            }
        }
        if (forest.Count > 0)
        {
            blocks.Add(new ReportFigure("-transitions", new ForestFigure(forest, "Hazard ratio (log scale)", "HR (95% CI)"), "Forest plot of the transition-specific Cox models",
                $"Transition-specific Cox models (~ {m.Formula}): hazard ratios with 95% confidence intervals on a log scale."));
        }
        blocks.Add(new ReportTable("-transitions", ["Transition / term", "HR", "95% CI", "p"], cells,
            "Cox proportional hazards per transition (Efron ties, clock forward: time since surgery, patients at risk from entering the state of origin), as R coxph on the intervals spent in that state."));
        return blocks;
    }
}
