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

    /// <summary>
    /// A follow-up time column over the kept rows: numeric, finite and not negative. When every row is kept this is
    /// the column itself (no copy of a million times): callers read it and must not write to it.
    /// </summary>
    /// <exception cref="DataInputException">A value that is not a number, is infinite or is negative (naming its line).</exception>
    public static double[] Time(CompleteCases cases, string name)
    {
        var values = Gather(RequireNumbers(cases, name, "a numeric time"), cases, share: true);
        var bad = false;
        foreach (var v in values)
        {
            bad |= v < 0 || double.IsInfinity(v);
        }
        if (bad)
        {
            var problems = new LineProblems(cases, name);
            for (var i = 0; i < values.Length; i++)
            {
                if (values[i] < 0 || double.IsInfinity(values[i]))
                {
                    problems.Add(i, $"time must be finite and >= 0, found {Format(values[i])}");
                }
            }
            problems.ThrowIfAny();
        }
        return values;
    }

    /// <summary>
    /// An event indicator over the kept rows as R's <c>Surv(time, event)</c> reads it: 1 = event, 0 = censored. A
    /// numeric column is coded 0/1, or 1/2 (1 = censored, 2 = event) when its largest value is 2, as in R; a text
    /// column holds TRUE/FALSE or T/F (R's logicals).
    /// </summary>
    /// <remarks>When every row is kept and the column is already coded 0/1, this is the column itself: callers read it and must not write to it.</remarks>
    /// <exception cref="DataInputException">A value outside the column's coding (every such line is named).</exception>
    public static double[] Event(CompleteCases cases, string name) => Event(cases, name, share: true);

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
        double[] status;
        var problems = new LineProblems(cases, name);
        if (column.Numbers is { } numbers)
        {
            // R's Surv: 1/2 coding when the largest value given is 2 (decided on the whole column, as Surv sees it).
            var largest = double.NegativeInfinity;
            var zeroOne = true;
            foreach (var v in numbers)
            {
                largest = v > largest ? v : largest;
                zeroOne &= v is 0 or 1;
            }
            var oneTwo = largest == 2;
            if (!oneTwo && share && cases.AllRows && zeroOne)
            {
                return numbers;
            }
            var shift = oneTwo ? 1 : 0;
            var rows = cases.Rows;
            status = new double[rows.Length];
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
            var rows = cases.Rows;
            status = new double[rows.Length];
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
        var codes = new int[cases.Count];
        if (column.Numbers is { } numbers)
        {
            var rows = cases.Rows;
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
        // The CSV reader shares one string among equal labels, so a million rows hold a handful of instances: each
        // row is coded by its instance (a reference compare against the previous row's, then the few seen so far),
        // each instance once by its text.
        var instances = new InstanceCodes();
        var all = cases.AllRows;
        var kept = all ? null : cases.Rows;
        for (var i = 0; i < codes.Length; i++)
        {
            var row = all ? i : kept![i];
            codes[i] = texts[row] is { } text ? instances.CodeOf(text) : MissingCode(allowMissing, name, row);
        }
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var instance in instances.Seen)
        {
            index.TryAdd(instance, 0);
        }
        var levels = LevelOrder.SortDistinct(index.Keys);
        for (var k = 0; k < levels.Length; k++)
        {
            index[levels[k]] = k;
        }
        var levelOf = new int[instances.Seen.Length];
        for (var c = 0; c < levelOf.Length; c++)
        {
            levelOf[c] = index[instances.Seen[c]];
        }
        for (var i = 0; i < codes.Length; i++)
        {
            codes[i] = codes[i] < 0 ? -1 : levelOf[codes[i]];
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

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>
    /// Numbers the distinct string instances of a column in order of first appearance, by reference: the previous
    /// row's instance first, then a short list, then (past a few dozen instances) a reference-keyed dictionary.
    /// </summary>
    private sealed class InstanceCodes
    {
        private const int ListLimit = 32;
        // A plain array, not a List: its reads are inlined in the precompiled (ReadyToRun) code of this hot loop.
        private string[] seen = new string[ListLimit];
        private int count;
        private Dictionary<string, int>? byInstance;
        private string? last;
        private int lastCode;

        /// <summary>The instances in order of their codes.</summary>
        public ReadOnlySpan<string> Seen => seen.AsSpan(0, count);

        public int CodeOf(string text)
        {
            if (!ReferenceEquals(text, last))
            {
                last = text;
                lastCode = Find(text);
            }
            return lastCode;
        }

        private int Find(string text)
        {
            if (byInstance is null)
            {
                for (var c = 0; c < count; c++)
                {
                    if (ReferenceEquals(seen[c], text))
                    {
                        return c;
                    }
                }
                if (count < ListLimit)
                {
                    seen[count] = text;
                    return count++;
                }
                byInstance = new Dictionary<string, int>(ReferenceEqualityComparer.Instance);
                for (var c = 0; c < count; c++)
                {
                    byInstance.Add(seen[c], c);
                }
            }
            if (byInstance.TryGetValue(text, out var code))
            {
                return code;
            }
            if (count == seen.Length)
            {
                Array.Resize(ref seen, count * 2);
            }
            seen[count] = text;
            byInstance.Add(text, count);
            return count++;
        }
    }

    /// <summary>The bad values of one column: one message for the first, and the lines of the others.</summary>
    private sealed class LineProblems(CompleteCases cases, string column)
    {
        private readonly List<DataProblem> _problems = [];

        public void Add(int index, string message) => _problems.Add(new DataProblem(message, index));

        public void ThrowIfAny() =>
            DataProblems.ThrowIfAny(cases.Frame.Source, _problems, cases.LineOf, describe: p => $"column '{column}': {p.Message}");
    }
}
