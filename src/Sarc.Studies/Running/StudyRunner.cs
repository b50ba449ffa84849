using Sarc.Studies.Data;
using Sarc.Studies.Kinds;

namespace Sarc.Studies.Running;

/// <summary>
/// Runs a checked <see cref="StudyDefinition"/> on the analysis dataset (<see cref="StudyDataset"/>): selects the
/// cohort, adds the derived columns, then runs each analysis. A problem with one analysis (empty cohort, an endpoint
/// without events, a grouping with one level, bad values) becomes that analysis's <see cref="AnalysisResult.Error"/>
/// and the rest still run.
/// </summary>
public static class StudyRunner
{
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
        return new StudyResult(study, cohort.RowCount, results) { SeedComparisons = PaperComparisons.Compute(study, results, cohort) };
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
            var v = KindInputs.NumberAt(source, i);
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
            return Compare(KindInputs.NumberAt(column, row), op, filter.Threshold);
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


    private static AnalysisResult RunOne(AnalysisDefinition analysis, DataFrame cohort, string? title) =>
        AnalysisKindCatalog.Find(analysis.Kind) is { } kind
            ? new AnalysisResult(analysis.Id, analysis.Kind, title, kind.Run(analysis, cohort), null)
            : AnalysisResult.Failed(analysis.Id, analysis.Kind, title, $"the {analysis.Kind} engine is not part of this build yet: the analysis is defined but cannot run");
}
