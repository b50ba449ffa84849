using Sarc.Data.Tables;

namespace Sarc.Data.Analysis;

/// <summary>
/// Turns the columns of a table into the arrays the statistics take, checking them as a user's data: each problem is
/// a <see cref="DataInputException"/> that names the file, the line and the column.
/// </summary>
public static class AnalysisColumns
{
    /// <summary>A numeric column over the kept rows.</summary>
    /// <exception cref="DataInputException">The column is text; the message quotes its first value that is not a number.</exception>
    public static double[] Numeric(CompleteCases cases, string name, string role = "numeric")
    {
        var column = cases.Frame.Column(name);
        if (column.Numbers is null)
        {
            for (var i = 0; i < cases.Rows.Length; i++)
            {
                var text = column.Texts![cases.Rows[i]];
                // A missing cell is not the problem here; the first cell written that is not a number is.
                if (text is not null && !double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _))
                {
                    throw new DataInputException(
                        $"{cases.Frame.Source}: line {cases.LineOf(i)}: column '{name}' must be {role}, found '{text}'");
                }
            }
            throw new DataInputException($"{cases.Frame.Source}: column '{name}' must be {role}");
        }
        var values = new double[cases.Rows.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = column.Numbers[cases.Rows[i]];
        }
        return values;
    }

    /// <summary>A whole numeric column with NaN where a cell is missing, for analyses that drop missing values pair by pair.</summary>
    /// <exception cref="DataInputException">The column is not numeric; the message quotes its first value that is not a number.</exception>
    public static double[] NumericWithMissing(DataFrame frame, string name) =>
        Numeric(CompleteCases.Of(frame, []), name);

    /// <summary>A follow-up time column: numeric, finite and not negative.</summary>
    /// <exception cref="DataInputException">A value that is not a number, is infinite or is negative (naming its line).</exception>
    public static double[] Time(CompleteCases cases, string name)
    {
        var values = Numeric(cases, name, "a numeric time");
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] < 0 || double.IsInfinity(values[i]))
            {
                throw new DataInputException(
                    $"{cases.Frame.Source}: line {cases.LineOf(i)}: column '{name}': time must be finite and >= 0, found {Format(values[i])}");
            }
        }
        return values;
    }

    /// <summary>An event indicator: 1/TRUE = event, 0/FALSE = censored (case-insensitive TRUE/FALSE, also T/F as R reads them).</summary>
    /// <exception cref="DataInputException">Any other value, naming its line.</exception>
    public static bool[] Event(CompleteCases cases, string name)
    {
        var column = cases.Frame.Column(name);
        var events = new bool[cases.Rows.Length];
        for (var i = 0; i < events.Length; i++)
        {
            var row = cases.Rows[i];
            bool? value = column.Numbers is not null
                ? column.Numbers[row] switch { 0 => false, 1 => true, _ => null }
                : column.Texts![row]!.Trim().ToUpperInvariant() switch
                {
                    "TRUE" or "T" or "1" => true,
                    "FALSE" or "F" or "0" => false,
                    _ => null,
                };
            events[i] = value ?? throw new DataInputException(
                $"{cases.Frame.Source}: line {cases.LineOf(i)}: column '{name}': event must be 0/1/TRUE/FALSE, found '{column.TextAt(row)}'");
        }
        return events;
    }

    /// <summary>
    /// A grouping column as a factor: levels in sorted order (numbers numerically, text by ordinal comparison), and
    /// each kept row's level index. As R's <c>factor(x)</c> on the kept rows.
    /// </summary>
    public static Factor Factor(CompleteCases cases, string name)
    {
        var column = cases.Frame.Column(name);
        var rows = cases.Rows;
        var codes = new int[rows.Length];
        if (column.Numbers is not null)
        {
            var distinct = new SortedSet<double>();
            foreach (var row in rows)
            {
                distinct.Add(column.Numbers[row]);
            }
            var levelValues = distinct.ToArray();
            var index = new Dictionary<double, int>(levelValues.Length);
            for (var i = 0; i < levelValues.Length; i++)
            {
                index[levelValues[i]] = i;
            }
            for (var i = 0; i < rows.Length; i++)
            {
                codes[i] = index[column.Numbers[rows[i]]];
            }
            return new Factor(name, levelValues.Select(FormatLevel).ToArray(), codes);
        }
        var textIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            textIndex.TryAdd(column.Texts![row]!, 0);
        }
        var levels = textIndex.Keys.Order(StringComparer.Ordinal).ToArray();
        for (var i = 0; i < levels.Length; i++)
        {
            textIndex[levels[i]] = i;
        }
        for (var i = 0; i < rows.Length; i++)
        {
            codes[i] = textIndex[column.Texts![rows[i]]!];
        }
        return new Factor(name, levels, codes);
    }

    /// <summary>A number as R prints a factor level made from it (15 significant digits, no trailing zeros).</summary>
    public static string FormatLevel(double value) =>
        value.ToString("G15", System.Globalization.CultureInfo.InvariantCulture);

    private static string Format(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
