using Sarc.Data.Analysis;
using Sarc.Data.Formulas;
using Sarc.Data.Tables;
using Sarc.Statistics.Prediction;

namespace Sarc.Data.Models;

/// <summary>Builds a <see cref="ModelFrame"/>; see there for the rules. User mistakes become <see cref="DataInputException"/>.</summary>
internal static class ModelFrameBuilder
{
    public static ModelFrame Build(DataFrame data, Formula formula, ResponseKind kind)
    {
        foreach (var name in formula.Columns)
        {
            RequireColumn(data, name);
        }
        var response = formula.Response;
        var cases = CompleteCases.Of(data, formula.Columns);
        var rows = cases.Rows;
        var n = rows.Length;
        if (n == 0)
        {
            throw new DataInputException($"{data.Source}: no rows left after excluding {data.RowCount} rows with missing values in {string.Join(", ", formula.Columns)}");
        }

        // Without excluded rows a numeric column is used as it is: a million-row frame then copies nothing.
        var stop = AnalysisColumns.Gather(AnalysisColumns.RequireNumbers(cases, response.Stop, "a numeric time"), cases, share: true);
        double[]? start = null;
        if (response.Start is { } startName)
        {
            start = AnalysisColumns.Gather(AnalysisColumns.RequireNumbers(cases, startName, "a numeric time"), cases, share: true);
            for (var i = 0; i < n; i++)
            {
                if (!(start[i] < stop[i]))
                {
                    var row = rows[i];
                    throw new DataInputException(
                        $"{data.Source}: line {data.LineNumbers[row]}: start time '{startName}' ({data.Column(startName).TextAt(row)}) must be less than stop time '{response.Stop}' ({data.Column(response.Stop).TextAt(row)})");
                }
            }
        }
        double[] status;
        var events = 0;
        if (kind == ResponseKind.CompetingRisks)
        {
            var codes = AnalysisColumns.StatusCodes(cases, response.Event);
            status = new double[n];
            for (var i = 0; i < n; i++)
            {
                status[i] = codes[i];
                events += codes[i] == 0 ? 0 : 1;
            }
        }
        else
        {
            status = AnalysisColumns.Event(cases, response.Event, share: true);
            foreach (var s in status)
            {
                events += (int)s;
            }
        }
        if (events == 0)
        {
            throw new DataInputException(kind == ResponseKind.CompetingRisks
                ? $"{data.Source}: no events ({response.Event} other than 0) among the {n} rows used"
                : $"{data.Source}: no events in '{response.Event}' among the {n} rows used; a Cox model needs at least one event");
        }

        var terms = formula.Terms;
        var design = new List<double[]>();
        var names = new List<string>();
        var parts = new List<IReadOnlyList<DesignPart>>();
        var assign = new List<int>();
        var warnings = new List<string>();
        var termSets = terms.Select(t => t.Variables.ToHashSet()).ToList();
        var coded = new Dictionary<FormulaVariable, Coding>();
        for (var t = 0; t < terms.Count; t++)
        {
            // Product of the per-variable column blocks; the first variable varies fastest, as R's model.matrix.
            List<(string Name, double[] Values, DesignPart[] Parts)>? block = null;
            foreach (var variable in terms[t].Variables)
            {
                if (!coded.TryGetValue(variable, out var coding))
                {
                    coding = Code(cases, variable, warnings);
                    coded[variable] = coding;
                }
                var rest = termSets[t].Where(v => v != variable).ToHashSet();
                var contrasts = rest.Count == 0 || termSets.Any(s => s.SetEquals(rest));
                var columns = coding.Columns(contrasts);
                if (block is null)
                {
                    block = columns;
                    continue;
                }
                var next = new List<(string, double[], DesignPart[])>(block.Count * columns.Count);
                foreach (var (columnName, values, columnParts) in columns)
                {
                    foreach (var (blockName, blockValues, blockParts) in block)
                    {
                        var product = new double[n];
                        for (var i = 0; i < n; i++)
                        {
                            product[i] = blockValues[i] * values[i];
                        }
                        next.Add((blockName + ":" + columnName, product, [.. blockParts, .. columnParts]));
                    }
                }
                block = next;
            }
            foreach (var (name, values, columnParts) in block!)
            {
                design.Add(values);
                names.Add(name);
                parts.Add(columnParts);
                assign.Add(t);
            }
        }

        var (strata, strataLabels) = Strata(cases, formula.StrataColumns);

        int[]? cluster = null;
        if (formula.ClusterColumn is { } clusterName)
        {
            var clusterColumn = data.Column(clusterName);
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            cluster = new int[n];
            for (var i = 0; i < n; i++)
            {
                var key = clusterColumn.TextAt(rows[i])!;
                if (!seen.TryGetValue(key, out var code))
                {
                    code = seen.Count;
                    seen[key] = code;
                }
                cluster[i] = code;
            }
        }

        var codings = formula.Terms.SelectMany(term => term.Variables).Distinct()
            .Select(v => new VariableCoding(v, coded[v].Levels, coded[v].Knots)).ToArray();
        return new ModelFrame(
            data.Source, data.LineNumbers, formula, rows, cases.Excluded, start, stop, status, design.ToArray(), names.ToArray(), assign.ToArray(),
            strata, strataLabels, cluster)
        {
            Codings = codings,
            DesignParts = parts.ToArray(),
            Warnings = warnings,
        };
    }

    /// <summary>
    /// Stratum codes as R's <c>strata()</c> makes them: each column a factor (levels in R's order), the combinations
    /// ordered by the first column, then the second, ...; only combinations present are strata. One column is labelled
    /// by its level, several by <c>name=level, name=level</c>.
    /// </summary>
    private static (int[]? Codes, string[] Labels) Strata(CompleteCases cases, IReadOnlyList<string> columns)
    {
        if (columns.Count == 0)
        {
            return (null, []);
        }
        var factors = columns.Select(c => AnalysisColumns.Factor(cases, c)).ToArray();
        var n = cases.Rows.Length;
        var combined = new long[n];
        for (var i = 0; i < n; i++)
        {
            long code = 0;
            foreach (var factor in factors)
            {
                code = code * factor.LevelCount + factor.Codes[i];
            }
            combined[i] = code;
        }
        var present = combined.Distinct().Order().ToArray();
        var labels = new string[present.Length];
        for (var k = 0; k < present.Length; k++)
        {
            var rest = present[k];
            var parts = new string[factors.Length];
            for (var f = factors.Length - 1; f >= 0; f--)
            {
                var level = factors[f].Levels[rest % factors[f].LevelCount];
                parts[f] = factors.Length == 1 ? level : $"{columns[f]}={level}";
                rest /= factors[f].LevelCount;
            }
            labels[k] = string.Join(", ", parts);
        }
        var codes = new int[n];
        for (var i = 0; i < n; i++)
        {
            codes[i] = Array.BinarySearch(present, combined[i]);
        }
        return (codes, labels);
    }

    private static void RequireColumn(DataFrame data, string name)
    {
        if (data.HasColumn(name))
        {
            return;
        }
        var close = data.Columns
            .Select(c => c.Name)
            .Where(c => IsClose(name, c))
            .ToList();
        var hint = close.Count > 0
            ? $"did you mean {string.Join(" or ", close.Select(c => $"'{c}'"))}?"
            : $"the columns are: {string.Join(", ", data.Columns.Select(c => c.Name))}";
        throw new DataInputException($"{data.Source}: formula uses column '{name}', which is not in the data; {hint}");
    }

    private static bool IsClose(string wanted, string candidate)
    {
        var a = wanted.ToLowerInvariant();
        var b = candidate.ToLowerInvariant();
        if (a == b || (a.Length >= 3 && (b.Contains(a) || a.Contains(b) && b.Length >= 3)))
        {
            return true;
        }
        return Distance(a, b) <= Math.Max(1, Math.Min(a.Length, b.Length) / 3);
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    private static Coding Code(CompleteCases cases, FormulaVariable variable, List<string> warnings)
    {
        var column = cases.Frame.Column(variable.Column);
        if (variable.Spline is { } spline)
        {
            return SplineCoding(cases.Frame, variable, spline, column, cases.Rows, warnings);
        }
        if (column.Kind == ColumnKind.Numeric && !variable.AsFactor)
        {
            return new Coding(variable, variable.Label, null, AnalysisColumns.Gather(column.Numbers!, cases, share: true), null, null);
        }
        var factor = AnalysisColumns.Factor(cases, variable.Column);
        if (factor.LevelCount < 2)
        {
            throw new DataInputException(
                $"{cases.Frame.Source}: column '{variable.Column}' has a single level ('{(factor.LevelCount == 1 ? factor.Levels[0] : "")}') among the {cases.Rows.Length} rows used; a factor needs at least two");
        }
        return new Coding(variable, variable.Label, factor.Levels, null, factor.Codes, null);
    }

    /// <summary>
    /// A spline's basis at the used rows. Knots come from every non-missing value of the column, rows excluded for
    /// other columns included, as R evaluates rcs() in model.frame before na.omit; Harrell's rules reduce a count
    /// that is too close to the number of distinct values (with R's warning), but more knots than distinct values is a
    /// mistake in the formula.
    /// </summary>
    private static Coding SplineCoding(DataFrame data, FormulaVariable variable, SplineSpec spline, DataColumn column, int[] rows, List<string> warnings)
    {
        if (column.Kind != ColumnKind.Numeric || variable.AsFactor)
        {
            throw new DataInputException($"{data.Source}: {variable.Label} needs a numeric column, and '{variable.Column}' is not numeric");
        }
        var values = column.Numbers!;
        KnotPlacement placement;
        if (spline.Knots is { } given)
        {
            placement = RestrictedCubicSpline.GivenKnots(given.ToArray());
        }
        else
        {
            var count = spline.Count ?? RestrictedCubicSpline.DefaultKnotCount;
            var distinct = values.Where(v => !double.IsNaN(v)).Distinct().Count();
            if (count > distinct)
            {
                throw new DataInputException(
                    $"{data.Source}: {variable.Label} asks for {count} knots but column '{variable.Column}' has only {distinct} distinct value{(distinct == 1 ? "" : "s")}; use fewer knots or enter it linearly");
            }
            placement = RestrictedCubicSpline.DefaultKnots(values, count);
        }
        if (placement.Knots is not { } knots)
        {
            throw new DataInputException($"{data.Source}: {variable.Label}: {placement.Error}");
        }
        if (placement.Warning is { } warning)
        {
            warnings.Add($"{variable.Label}: {warning}");
        }
        var n = rows.Length;
        var size = RestrictedCubicSpline.BasisSize(knots.Length);
        var basis = new double[size][];
        for (var j = 0; j < size; j++)
        {
            basis[j] = new double[n];
        }
        Span<double> row = stackalloc double[size];
        for (var i = 0; i < n; i++)
        {
            RestrictedCubicSpline.Basis(values[rows[i]], knots, row);
            for (var j = 0; j < size; j++)
            {
                basis[j][i] = row[j];
            }
        }
        return new Coding(variable, variable.Column, null, null, null, knots) { Basis = basis };
    }

    /// <summary>How one variable enters the design: a numeric column, a factor's level codes, or a spline's basis.</summary>
    private sealed record Coding(FormulaVariable Variable, string Label, string[]? Levels, double[]? Values, int[]? Codes, double[]? Knots)
    {
        public double[][]? Basis { get; init; }

        public List<(string Name, double[] Values, DesignPart[] Parts)> Columns(bool contrasts)
        {
            if (Basis is { } basis)
            {
                // rms's names: x, x', x'', ...
                return basis.Select((values, j) => (Label + new string('\'', j), values, new[] { new DesignPart(Variable, null, j) })).ToList();
            }
            if (Levels is null)
            {
                return [(Label, Values!, [new DesignPart(Variable, null, 0)])];
            }
            var result = new List<(string, double[], DesignPart[])>();
            for (var level = contrasts ? 1 : 0; level < Levels.Length; level++)
            {
                var indicator = new double[Codes!.Length];
                for (var i = 0; i < indicator.Length; i++)
                {
                    indicator[i] = Codes[i] == level ? 1.0 : 0.0;
                }
                result.Add((Label + Levels[level], indicator, [new DesignPart(Variable, Levels[level], 0)]));
            }
            return result;
        }
    }
}
