using Sarc.Data.Analysis;
using Sarc.Statistics.Prediction;

namespace Sarc.Studies.Prediction;

/// <summary>
/// Builds a model's design on new data, as R's <c>predict(fit, newdata)</c> does with the fit's knots and levels: a
/// number enters as it is, a spline through rms's basis on the model's knots, a factor as the indicator of each
/// level. A value outside the range the model was fitted on is predicted and flagged; a missing value or a level the
/// model does not know gives no prediction, also flagged — never a silent extrapolation.
/// </summary>
public static class ModelDesign
{
    /// <summary>Applies <paramref name="model"/> to every row of <paramref name="table"/>.</summary>
    /// <exception cref="DataInputException">A model variable is not a column of the table, or a numeric variable's column holds text.</exception>
    public static ModelEvaluation Evaluate(PredictionModel model, DataFrame table)
    {
        RequireColumns(model, table, model.Variables.Select(v => v.Name));
        var n = table.RowCount;
        var notes = new List<string>[n];
        for (var i = 0; i < n; i++)
        {
            notes[i] = [];
        }
        var usable = Enumerable.Repeat(true, n).ToArray();
        var extrapolated = new bool[n];
        var unknown = new bool[n];
        var missing = new bool[n];
        var numbers = new Dictionary<string, double[]>();
        var codes = new Dictionary<string, int[]>();
        foreach (var variable in model.Variables)
        {
            var column = table.Column(variable.Name);
            if (variable.Type == ModelVariableType.Factor)
            {
                var levelIndex = variable.Levels!.Select((l, k) => (l, k)).ToDictionary(x => x.l, x => x.k, StringComparer.Ordinal);
                var code = new int[n];
                for (var i = 0; i < n; i++)
                {
                    var text = LevelText(column, i);
                    if (text is null)
                    {
                        code[i] = -1;
                        missing[i] = true;
                        notes[i].Add($"{variable.Name} missing");
                    }
                    else if (!levelIndex.TryGetValue(text, out code[i]))
                    {
                        code[i] = -1;
                        unknown[i] = true;
                        notes[i].Add($"{variable.Name} '{text}' is not a level of the model ({string.Join(", ", variable.Levels!)})");
                    }
                }
                codes[variable.Name] = code;
                continue;
            }
            var values = Numbers(table, column);
            for (var i = 0; i < n; i++)
            {
                var v = values[i];
                if (double.IsNaN(v))
                {
                    missing[i] = true;
                    notes[i].Add($"{variable.Name} missing");
                }
                else if (variable.Minimum is { } min && variable.Maximum is { } max && (v < min || v > max))
                {
                    extrapolated[i] = true;
                    notes[i].Add($"{variable.Name} {Format(v)} is outside the fitted range {Format(min)} to {Format(max)}");
                }
            }
            numbers[variable.Name] = values;
        }
        for (var i = 0; i < n; i++)
        {
            usable[i] = !missing[i] && !unknown[i];
        }
        var rows = Enumerable.Range(0, n).Where(i => usable[i]).ToArray();
        var design = Columns(model, rows, numbers, codes);
        var lp = new double[n];
        Array.Fill(lp, double.NaN);
        for (var r = 0; r < rows.Length; r++)
        {
            var sum = 0.0;
            for (var c = 0; c < design.Length; c++)
            {
                sum += model.Coefficients[c].Estimate * design[c][r];
            }
            lp[rows[r]] = sum - model.Centring;
        }
        return new ModelEvaluation(lp, notes, rows, design)
        {
            Extrapolated = extrapolated.Count(x => x),
            UnknownLevels = unknown.Count(x => x),
            Missing = missing.Count(x => x),
        };
    }

    /// <summary>Throws, naming every missing column, when a model variable or outcome column is not in the table.</summary>
    /// <exception cref="DataInputException">A column is missing.</exception>
    public static void RequireColumns(PredictionModel model, DataFrame table, IEnumerable<string> columns)
    {
        var absent = columns.Where(c => !table.HasColumn(c)).Distinct().ToList();
        if (absent.Count > 0)
        {
            throw new DataInputException(
                $"{table.Source}: the model uses {(absent.Count == 1 ? "column" : "columns")} {string.Join(", ", absent.Select(a => $"'{a}'"))}, not in the data; the columns are: {string.Join(", ", table.Columns.Select(c => c.Name))}");
        }
    }

    /// <summary>Per coefficient, the product of its parts at each of <paramref name="rows"/>.</summary>
    private static double[][] Columns(PredictionModel model, int[] rows, Dictionary<string, double[]> numbers, Dictionary<string, int[]> codes)
    {
        // Each spline's basis once per row, shared by its coefficients.
        var bases = new Dictionary<string, double[][]>();
        foreach (var variable in model.Variables.Where(v => v.Type == ModelVariableType.Spline))
        {
            var knots = variable.Knots!.ToArray();
            var size = RestrictedCubicSpline.BasisSize(knots.Length);
            var basis = new double[size][];
            for (var j = 0; j < size; j++)
            {
                basis[j] = new double[rows.Length];
            }
            var values = numbers[variable.Name];
            var row = new double[size];
            for (var r = 0; r < rows.Length; r++)
            {
                RestrictedCubicSpline.Basis(values[rows[r]], knots, row);
                for (var j = 0; j < size; j++)
                {
                    basis[j][r] = row[j];
                }
            }
            bases[variable.Name] = basis;
        }
        var design = new double[model.Coefficients.Count][];
        for (var c = 0; c < design.Length; c++)
        {
            var column = new double[rows.Length];
            Array.Fill(column, 1.0);
            foreach (var part in model.Coefficients[c].Parts)
            {
                var variable = model.Variable(part.Variable);
                switch (variable.Type)
                {
                    case ModelVariableType.Spline:
                        var basis = bases[part.Variable][part.Basis];
                        for (var r = 0; r < rows.Length; r++)
                        {
                            column[r] *= basis[r];
                        }
                        break;
                    case ModelVariableType.Numeric:
                        var values = numbers[part.Variable];
                        for (var r = 0; r < rows.Length; r++)
                        {
                            column[r] *= values[rows[r]];
                        }
                        break;
                    default:
                        var code = codes[part.Variable];
                        var level = IndexOf(variable.Levels!, part.Level!);
                        for (var r = 0; r < rows.Length; r++)
                        {
                            column[r] *= code[rows[r]] == level ? 1.0 : 0.0;
                        }
                        break;
                }
            }
            design[c] = column;
        }
        return design;
    }

    private static int IndexOf(IReadOnlyList<string> levels, string level)
    {
        for (var k = 0; k < levels.Count; k++)
        {
            if (levels[k] == level)
            {
                return k;
            }
        }
        return -1;
    }

    /// <summary>A factor cell as a level: text as written, a number as R labels it (15 significant digits).</summary>
    private static string? LevelText(DataColumn column, int row) => column.Numbers is { } values
        ? double.IsNaN(values[row]) ? null : AnalysisColumns.FormatLevel(values[row])
        : column.Texts![row];

    /// <summary>A numeric variable's column (NaN = missing).</summary>
    /// <exception cref="DataInputException">Text that is not a number, naming its line (and how many more there are).</exception>
    private static double[] Numbers(DataFrame table, DataColumn column)
    {
        if (column.Numbers is { } values)
        {
            return values;
        }
        var bad = new List<int>();
        var parsed = new double[column.Length];
        for (var i = 0; i < parsed.Length; i++)
        {
            var text = column.Texts![i];
            if (text is null)
            {
                parsed[i] = double.NaN;
            }
            else if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out parsed[i]))
            {
                bad.Add(i);
            }
        }
        if (bad.Count > 0)
        {
            var more = bad.Count > 1 ? $" (and {bad.Count - 1} more line{(bad.Count > 2 ? "s" : "")})" : "";
            throw new DataInputException(
                $"{table.Source}: line {table.LineNumbers[bad[0]]}: column '{column.Name}' must be numeric, found '{column.Texts![bad[0]]}'{more}");
        }
        return parsed;
    }

    private static string Format(double value) => ReportText.Number(value, 6);
}
