using System.Globalization;
using Sarc.Data.Tables;
using Sarc.Statistics;

namespace Sarc.Data.Analysis;

/// <summary>
/// The one reader of a table's columns as the statistics take them: numbers, follow-up times, events (every coding
/// R's <c>Surv</c> takes), competing-risks status codes, multistate states and factors (levels in R's order). Every
/// command and study analysis reads its columns here, over the rows <see cref="CompleteCases"/> keeps. A value that
/// is not valid is a <see cref="DataInputException"/> naming the file, the line and the column, and the other lines
/// with the same problem.
/// </summary>
public static class AnalysisColumns
{
    /// <summary>The codings an event column may use, as the messages name them.</summary>
    public const string EventCodings = "0/1, 1/2 (2 = event), TRUE/FALSE or T/F";

    private const string IndicatorCodings = "0/1, 1/2 (2 = yes), TRUE/FALSE or T/F";

    /// <summary>A numeric column over the kept rows (a new array).</summary>
    /// <exception cref="DataInputException">The column is text; the message quotes its first value that is not a number.</exception>
    public static double[] Numeric(CompleteCases cases, string name, string role = "numeric") =>
        Gather(RequireNumbers(cases, name, role), cases, share: false);

    /// <summary>A whole numeric column with NaN where a cell is missing, for analyses that drop missing values pair by pair.</summary>
    /// <exception cref="DataInputException">The column is not numeric; the message quotes its first value that is not a number.</exception>
    public static double[] NumericWithMissing(DataFrame frame, string name) =>
        Numeric(CompleteCases.Of(frame, []), name);

    /// <summary>A follow-up time column: numeric, finite and not negative.</summary>
    /// <exception cref="DataInputException">A value that is not a number, is infinite or is negative (naming its line).</exception>
    public static double[] Time(CompleteCases cases, string name)
    {
        var values = Numeric(cases, name, "a numeric time");
        var problems = new LineProblems(cases, name);
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] < 0 || double.IsInfinity(values[i]))
            {
                problems.Add(i, $"time must be finite and >= 0, found {Format(values[i])}");
            }
        }
        problems.ThrowIfAny();
        return values;
    }

    /// <summary>
    /// An event indicator over the kept rows as R's <c>Surv(time, event)</c> reads it: 1 = event, 0 = censored. A
    /// numeric column is coded 0/1, or 1/2 (1 = censored, 2 = event) when its largest value is 2, as in R; a text
    /// column holds TRUE/FALSE or T/F (R's logicals).
    /// </summary>
    /// <exception cref="DataInputException">A value outside the column's coding (every such line is named).</exception>
    public static double[] Event(CompleteCases cases, string name) => Event(cases, name, share: false);

    /// <summary>
    /// A yes/no column (an exposure, an outcome) over every row, read as <see cref="Event(CompleteCases, string)"/>
    /// reads an event: 1 = yes, 0 = no, NaN where the cell is missing.
    /// </summary>
    /// <exception cref="DataInputException">A value outside the column's coding (every such line is named).</exception>
    public static double[] IndicatorWithMissing(DataFrame frame, string name) => WithMissing(frame, name, "value", IndicatorCodings);

    /// <summary>An event column over every row, read as <see cref="Event(CompleteCases, string)"/> reads it, NaN where the cell is missing.</summary>
    /// <exception cref="DataInputException">A value outside the column's coding (every such line is named).</exception>
    public static double[] EventWithMissing(DataFrame frame, string name) => WithMissing(frame, name, "event", EventCodings);

    private static double[] WithMissing(DataFrame frame, string name, string what, string codings)
    {
        var cases = CompleteCases.Of(frame, [name]);
        var present = Event(cases, name, share: false, what, codings);
        var values = new double[frame.RowCount];
        Array.Fill(values, double.NaN);
        for (var i = 0; i < present.Length; i++)
        {
            values[cases.Rows[i]] = present[i];
        }
        return values;
    }

    /// <summary>As <see cref="Event(CompleteCases, string)"/>; with <paramref name="share"/> a 0/1 column over every row is returned itself (callers must not write to it).</summary>
    internal static double[] Event(CompleteCases cases, string name, bool share, string what = "event", string codings = EventCodings)
    {
        var column = cases.Frame.Column(name);
        var rows = cases.Rows;
        var status = new double[rows.Length];
        var problems = new LineProblems(cases, name);
        if (column.Numbers is { } numbers)
        {
            // R's Surv: 1/2 coding when the largest value given is 2 (decided on the whole column, as Surv sees it).
            var largest = double.NegativeInfinity;
            foreach (var v in numbers)
            {
                largest = v > largest ? v : largest;
            }
            var oneTwo = largest == 2;
            if (!oneTwo && share && cases.AllRows && IsZeroOne(numbers))
            {
                return numbers;
            }
            var shift = oneTwo ? 1 : 0;
            for (var i = 0; i < rows.Length; i++)
            {
                var v = numbers[rows[i]] - shift;
                if (v is 0 or 1)
                {
                    status[i] = v;
                }
                else
                {
                    problems.Add(i, oneTwo && v == -1
                        ? $"{what} is coded 1/2 ({(what == "event" ? "1 = censored, 2 = event" : "1 = no, 2 = yes")}, as the column's largest value is 2), found '{column.TextAt(rows[i])}'"
                        : $"{what} must be {codings}, found '{column.TextAt(rows[i])}'");
                }
            }
        }
        else
        {
            var texts = column.Texts!;
            for (var i = 0; i < rows.Length; i++)
            {
                var text = texts[rows[i]]!.Trim();
                switch (text)
                {
                    case "TRUE" or "T":
                        status[i] = 1;
                        break;
                    case "FALSE" or "F":
                        status[i] = 0;
                        break;
                    default:
                        problems.Add(i, double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
                            ? $"{what} mixes numbers and TRUE/FALSE, found '{text}'; code every {what} the same way ({codings})"
                            : $"{what} must be {codings}, found '{text}'");
                        break;
                }
            }
        }
        problems.ThrowIfAny();
        return status;
    }

    /// <summary>
    /// A competing-risks status column over the kept rows, as <c>cmprsk</c> takes it with <c>cencode = 0</c>:
    /// 0 = censored, a positive whole number = the cause of the event.
    /// </summary>
    /// <exception cref="DataInputException">A negative, fractional or non-numeric code (every such line is named).</exception>
    public static int[] StatusCodes(CompleteCases cases, string name)
    {
        var numbers = RequireNumbers(cases, name, "a whole-number status code (0 = censored)");
        var values = Gather(numbers, cases, share: false);
        var codes = new int[values.Length];
        var problems = new LineProblems(cases, name);
        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            if (!(v >= 0) || v != Math.Floor(v) || v > int.MaxValue)
            {
                problems.Add(i, $"status must be 0 (censored) or a positive whole-number cause, found '{Format(v)}'");
                continue;
            }
            codes[i] = (int)v;
        }
        problems.ThrowIfAny();
        return codes;
    }

    /// <summary>
    /// A multistate event column over the kept rows: the name of the state entered (surrounding spaces removed), or
    /// null where the cell is empty or <c>NA</c> (censored).
    /// </summary>
    public static string?[] States(CompleteCases cases, string name)
    {
        var column = cases.Frame.Column(name);
        var states = new string?[cases.Rows.Length];
        for (var i = 0; i < states.Length; i++)
        {
            var text = column.TextAt(cases.Rows[i])?.Trim();
            states[i] = string.IsNullOrEmpty(text) ? null : text;
        }
        return states;
    }

    /// <summary>
    /// A column as a factor over the kept rows, as R's <c>factor(x)</c>: the levels present, numbers in numeric order
    /// (named as R prints them), text in R's order (<see cref="LevelOrder"/>), and each row's level index.
    /// </summary>
    /// <exception cref="ArgumentException">A kept row is missing in the column (the cases were not made with it).</exception>
    public static Factor Factor(CompleteCases cases, string name) => Factor(cases, name, allowMissing: false);

    /// <summary>As <see cref="Factor(CompleteCases, string)"/>, for a column that may be missing in kept rows: their level index is -1.</summary>
    public static Factor FactorWithMissing(CompleteCases cases, string name) => Factor(cases, name, allowMissing: true);

    private static Factor Factor(CompleteCases cases, string name, bool allowMissing)
    {
        var column = cases.Frame.Column(name);
        var rows = cases.Rows;
        var codes = new int[rows.Length];
        if (column.Numbers is { } numbers)
        {
            var distinct = new HashSet<double>();
            foreach (var row in rows)
            {
                if (!double.IsNaN(numbers[row]))
                {
                    distinct.Add(numbers[row]);
                }
            }
            var sorted = distinct.ToArray();
            Array.Sort(sorted);
            for (var i = 0; i < rows.Length; i++)
            {
                var value = numbers[rows[i]];
                codes[i] = double.IsNaN(value) ? MissingCode(allowMissing, name, rows[i]) : Array.BinarySearch(sorted, value);
            }
            var labels = new string[sorted.Length];
            for (var k = 0; k < labels.Length; k++)
            {
                labels[k] = FormatLevel(sorted[k]);
            }
            return new Factor(name, labels, codes);
        }
        var texts = column.Texts!;
        // The CSV reader shares one string among equal labels, so a million rows hold a handful of instances: the
        // rows are coded by instance (a reference hash and compare), each instance once by its text.
        var byInstance = new Dictionary<string, int>(ReferenceEqualityComparer.Instance);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (texts[row] is { } text && byInstance.TryAdd(text, 0))
            {
                index.TryAdd(text, 0);
            }
        }
        var levels = LevelOrder.SortDistinct(index.Keys);
        for (var k = 0; k < levels.Length; k++)
        {
            index[levels[k]] = k;
        }
        foreach (var instance in byInstance.Keys.ToArray())
        {
            byInstance[instance] = index[instance];
        }
        for (var i = 0; i < rows.Length; i++)
        {
            codes[i] = texts[rows[i]] is { } text ? byInstance[text] : MissingCode(allowMissing, name, rows[i]);
        }
        return new Factor(name, levels, codes);
    }

    /// <summary>The code of a missing cell (-1), where the caller allows one.</summary>
    /// <exception cref="ArgumentException">Missing values are not allowed: the cases were not made with this column.</exception>
    private static int MissingCode(bool allowMissing, string name, int row) => allowMissing ? -1
        : throw new ArgumentException($"Column '{name}' is missing in row {row}, which the cases keep.", "cases");

    /// <summary>A number as R prints a factor level made from it (15 significant digits, no trailing zeros).</summary>
    public static string FormatLevel(double value) =>
        value.ToString("G15", CultureInfo.InvariantCulture);

    /// <summary>The numbers of a numeric column over the kept rows; with <paramref name="share"/>, the column itself when every row is kept.</summary>
    internal static double[] Gather(double[] column, CompleteCases cases, bool share)
    {
        if (share && cases.AllRows)
        {
            return column;
        }
        var rows = cases.Rows;
        var values = new double[rows.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = column[rows[i]];
        }
        return values;
    }

    /// <summary>The whole numeric column <paramref name="name"/>.</summary>
    /// <exception cref="DataInputException">The column is text: the message names the first cell that is not a number (a kept row's if any).</exception>
    internal static double[] RequireNumbers(CompleteCases cases, string name, string role)
    {
        var column = cases.Frame.Column(name);
        if (column.Numbers is { } numbers)
        {
            return numbers;
        }
        var texts = column.Texts!;
        // A kept row's cell first; then any row's, since the column as a whole is text.
        foreach (var row in cases.Rows.Concat(Enumerable.Range(0, texts.Length)))
        {
            var text = texts[row];
            if (text is not null && !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                throw new DataInputException(
                    $"{cases.Frame.Source}: line {cases.Frame.LineNumbers[row]}: column '{name}' must be {role}, found '{text}'");
            }
        }
        throw new DataInputException($"{cases.Frame.Source}: column '{name}' must be {role}");
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

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The bad values of one column: one message for the first, and the lines of the others.</summary>
    private sealed class LineProblems(CompleteCases cases, string column)
    {
        private readonly List<DataProblem> _problems = [];

        public void Add(int index, string message) => _problems.Add(new DataProblem(message, index));

        public void ThrowIfAny() =>
            DataProblems.ThrowIfAny(cases.Frame.Source, _problems, cases.LineOf, describe: p => $"column '{column}': {p.Message}");
    }
}
