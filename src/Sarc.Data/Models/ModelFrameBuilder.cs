using System.Globalization;
using Sarc.Data.Formulas;
using Sarc.Data.Tables;
using Sarc.Statistics.Prediction;

namespace Sarc.Data.Models;

/// <summary>Builds a <see cref="ModelFrame"/>; see there for the rules. User mistakes become <see cref="DataInputException"/>.</summary>
internal static class ModelFrameBuilder
{
    public static ModelFrame Build(DataFrame data, Formula formula)
    {
        foreach (var name in formula.Columns)
        {
            RequireColumn(data, name);
        }
        var response = formula.Response;
        var stopColumn = RequireNumeric(data, response.Stop, "time");
        var startColumn = response.Start is null ? null : RequireNumeric(data, response.Start, "start time");
        var eventColumn = data.Column(response.Event);

        // Column by column, so that a million rows cost a few plain passes.
        var missing = new bool[data.RowCount];
        foreach (var name in formula.Columns)
        {
            var column = data.Column(name);
            if (column.Numbers is { } numbers)
            {
                // Most numeric columns have no missing cell: a read-only scan settles that.
                if (!AnyMissing(numbers))
                {
                    continue;
                }
                for (var row = 0; row < numbers.Length; row++)
                {
                    missing[row] |= double.IsNaN(numbers[row]);
                }
            }
            else
            {
                var texts = column.Texts!;
                for (var row = 0; row < texts.Length; row++)
                {
                    missing[row] |= texts[row] is null;
                }
            }
        }
        var excluded = 0;
        foreach (var m in missing)
        {
            excluded += m ? 1 : 0;
        }
        var rows = new int[data.RowCount - excluded];
        for (int row = 0, i = 0; row < data.RowCount; row++)
        {
            if (!missing[row])
            {
                rows[i++] = row;
            }
        }
        var n = rows.Length;
        // Without excluded rows a numeric column is used as it is: a million-row frame then copies nothing.
        var allRows = excluded == 0;

        var stop = Gather(stopColumn.Numbers!, rows, allRows);
        var start = startColumn is null ? null : Gather(startColumn.Numbers!, rows, allRows);
        if (start is not null)
        {
            for (var i = 0; i < n; i++)
            {
                if (!(start[i] < stop[i]))
                {
                    var row = rows[i];
                    throw new DataInputException(
                        $"{data.Source}: line {data.LineNumbers[row]}: start time '{response.Start}' ({startColumn!.TextAt(row)}) must be less than stop time '{response.Stop}' ({stopColumn.TextAt(row)})");
                }
            }
        }
        var status = eventColumn.Numbers is { } eventNumbers && allRows && IsZeroOne(eventNumbers) ? eventNumbers : new double[n];
        var events = 0;
        for (var i = 0; i < n; i++)
        {
            if (!ReferenceEquals(status, eventColumn.Numbers))
            {
                status[i] = EventValue(data, eventColumn, rows[i]);
            }
            events += (int)status[i];
        }
        if (n == 0)
        {
            throw new DataInputException($"{data.Source}: no rows left after excluding {data.RowCount} rows with missing values in {string.Join(", ", formula.Columns)}");
        }
        if (events == 0)
        {
            throw new DataInputException(
                $"{data.Source}: no events ({response.Event} = 1) among the {n} rows used; a Cox model needs at least one event");
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
                    coding = Code(data, variable, rows, warnings);
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

        int[]? strata = null;
        var strataLabels = Array.Empty<string>();
        if (formula.StrataColumns.Count > 0)
        {
            var keys = new string[n];
            for (var i = 0; i < n; i++)
            {
                keys[i] = string.Join(", ", formula.StrataColumns.Select(c =>
                    formula.StrataColumns.Count == 1 ? data.Column(c).TextAt(rows[i])! : $"{c}={data.Column(c).TextAt(rows[i])}"));
            }
            strataLabels = keys.Distinct().Order(LevelComparer.Instance).ToArray();
            var index = strataLabels.Select((label, k) => (label, k)).ToDictionary(x => x.label, x => x.k, StringComparer.Ordinal);
            strata = keys.Select(k => index[k]).ToArray();
        }

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
            formula, rows, excluded, start, stop, status, design.ToArray(), names.ToArray(), assign.ToArray(),
            strata, strataLabels, cluster)
        {
            Codings = codings,
            DesignParts = parts.ToArray(),
            Warnings = warnings,
        };
    }

    private static bool AnyMissing(double[] numbers)
    {
        var any = false;
        foreach (var v in numbers)
        {
            any |= double.IsNaN(v);
        }
        return any;
    }

    /// <summary>The values at <paramref name="rows"/>: the column itself when every row is used (callers only read it).</summary>
    private static double[] Gather(double[] column, int[] rows, bool allRows)
    {
        if (allRows)
        {
            return column;
        }
        var values = new double[rows.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = column[rows[i]];
        }
        return values;
    }

    private static bool IsZeroOne(double[] values)
    {
        foreach (var v in values)
        {
            if (v is not (0 or 1))
            {
                return false;
            }
        }
        return true;
    }

    private static double EventValue(DataFrame data, DataColumn column, int row)
    {
        if (column.Numbers is { } numbers && numbers[row] is 0 or 1)
        {
            return numbers[row];
        }
        var text = column.TextAt(row)!;
        double value;
        if (column.Kind == ColumnKind.Numeric)
        {
            value = column.Numbers![row];
        }
        else if (text.Equals("TRUE", StringComparison.OrdinalIgnoreCase))
        {
            value = 1;
        }
        else if (text.Equals("FALSE", StringComparison.OrdinalIgnoreCase))
        {
            value = 0;
        }
        else
        {
            value = double.NaN;
        }
        if (value is 0 or 1)
        {
            return value;
        }
        throw new DataInputException(
            $"{data.Source}: line {data.LineNumbers[row]}: event column '{column.Name}' must be 0 (censored) or 1 (event), found '{text}'");
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

    private static DataColumn RequireNumeric(DataFrame data, string name, string role)
    {
        var column = data.Column(name);
        if (column.Kind == ColumnKind.Numeric)
        {
            return column;
        }
        for (var row = 0; row < column.Length; row++)
        {
            var text = column.Texts![row];
            if (text is not null && !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                throw new DataInputException(
                    $"{data.Source}: line {data.LineNumbers[row]}: {role} column '{name}' must be numeric, found '{text}'");
            }
        }
        throw new DataInputException($"{data.Source}: {role} column '{name}' must be numeric");
    }

    private static Coding Code(DataFrame data, FormulaVariable variable, int[] rows, List<string> warnings)
    {
        var column = data.Column(variable.Column);
        var n = rows.Length;
        if (variable.Spline is { } spline)
        {
            return SplineCoding(data, variable, spline, column, rows, warnings);
        }
        if (column.Kind == ColumnKind.Numeric && !variable.AsFactor)
        {
            return new Coding(variable, variable.Label, null, Gather(column.Numbers!, rows, rows.Length == column.Length), null, null);
        }

        string[] levels;
        var codes = new int[n];
        if (column.Kind == ColumnKind.Numeric)
        {
            // factor(x) of a number: levels in numeric order, labelled as R's as.character (15 significant digits).
            var distinct = new SortedSet<double>();
            for (var i = 0; i < n; i++)
            {
                distinct.Add(column.Numbers![rows[i]]);
            }
            var sorted = distinct.ToArray();
            levels = sorted.Select(v => v.ToString("G15", CultureInfo.InvariantCulture)).ToArray();
            for (var i = 0; i < n; i++)
            {
                codes[i] = Array.BinarySearch(sorted, column.Numbers![rows[i]]);
            }
        }
        else
        {
            levels = rows.Select(r => column.Texts![r]!).Distinct().Order(LevelComparer.Instance).ToArray();
            var index = levels.Select((label, k) => (label, k)).ToDictionary(x => x.label, x => x.k, StringComparer.Ordinal);
            for (var i = 0; i < n; i++)
            {
                codes[i] = index[column.Texts![rows[i]]!];
            }
        }
        if (levels.Length < 2)
        {
            throw new DataInputException(
                $"{data.Source}: column '{variable.Column}' has a single level ('{(levels.Length == 1 ? levels[0] : "")}') among the {n} rows used; a factor needs at least two");
        }
        return new Coding(variable, variable.Label, levels, null, codes, null);
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
