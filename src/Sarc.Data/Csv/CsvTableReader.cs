using System.Globalization;
using Sarc.Data.Tables;
using Sylvan.Data.Csv;

namespace Sarc.Data.Csv;

/// <summary>
/// Reads a CSV file with a header row into a <see cref="DataFrame"/>: RFC 4180 quoting, <c>,</c> separator, and
/// <c>NA</c> or an empty cell as missing (as R's <c>read.csv</c>). A column is numeric when every non-missing cell
/// parses as a number in the invariant culture (surrounding spaces allowed), otherwise text.
/// </summary>
/// <remarks>
/// One streaming pass parses every column as numbers while it can. A column that turns out to be text only after
/// numbers were seen (say a grade column 1, 2, 3, then "X") needs its earlier cells as written, so such columns
/// are read again in a second pass; typical files never need it. A large file without quotes goes through
/// <see cref="QuoteFreeCsvReader"/> instead, which gives the same frame faster.
/// </remarks>
public static class CsvTableReader
{
    /// <summary>Files from this size on are parsed in parallel chunks when they allow it; below it, start-up costs more than it saves.</summary>
    private const long ParallelThresholdBytes = 4 * 1024 * 1024;

    /// <summary>Reads <paramref name="path"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="columns">
    /// The columns a caller will use, or null for all. The others are skipped without being parsed and are not in
    /// the frame; every check of the file's shape (header, field counts, line numbers) is made as for a full read.
    /// When a name is not in the header, every column is read, so that the caller's "column not found" lists them all.
    /// </param>
    /// <exception cref="DataInputException">
    /// The file does not exist or cannot be read, has no header, repeats a column name, or a row has more fields than
    /// the header (the message names the file and line).
    /// </exception>
    public static DataFrame Read(string path, IReadOnlyCollection<string>? columns = null)
    {
        if (!File.Exists(path))
        {
            throw new DataInputException(Directory.Exists(path) ? $"{path}: is a folder, not a file" : $"{path}: file not found");
        }
        try
        {
            if (Length(path) == 0)
            {
                throw new DataInputException($"{path}: empty file (a header row is needed)");
            }
            return ReadExisting(path, columns);
        }
        catch (IOException exception)
        {
            throw new DataInputException($"{path}: cannot be read ({exception.Message})");
        }
        catch (UnauthorizedAccessException)
        {
            throw new DataInputException($"{path}: permission denied");
        }
        catch (CsvFormatException exception)
        {
            throw new DataInputException($"{path}: line {exception.RowNumber + 1}: malformed CSV ({exception.Message})");
        }
    }

    /// <summary>Which header columns to keep: those in <paramref name="columns"/>, or all of them (see <see cref="Read"/>).</summary>
    internal static bool[] Wanted(string[] names, IReadOnlyCollection<string>? columns)
    {
        var wanted = new bool[names.Length];
        var all = columns is null || columns.Any(name => Array.IndexOf(names, name) < 0);
        for (var k = 0; k < names.Length; k++)
        {
            wanted[k] = all || columns!.Contains(names[k]);
        }
        return wanted;
    }

    /// <summary>The file's length in bytes, through symbolic links (FileInfo.Length of a link is the link's own).</summary>
    private static long Length(string path)
    {
        using var handle = File.OpenHandle(path);
        return RandomAccess.GetLength(handle);
    }

    private static DataFrame ReadExisting(string path, IReadOnlyCollection<string>? columns)
    {
        if (Length(path) >= ParallelThresholdBytes && Environment.ProcessorCount > 1
            && QuoteFreeCsvReader.TryRead(path, (bytes, length) => HeaderNames(path, bytes, length), columns) is { } frame)
        {
            return frame;
        }
        Func<TextReader> open = () => new StreamReader(path);
        var builders = ReadPass(open, path, names: null, firstLine: 2, textOnlyFor: null, columns, out var lineNumbers);
        var needText = builders.Where(b => b.NeedsSecondPass).Select(b => b.Index).ToHashSet();
        if (needText.Count > 0)
        {
            var textBuilders = ReadPass(open, path, names: null, firstLine: 2, needText, columns, out _);
            foreach (var index in needText)
            {
                builders[index] = textBuilders[index];
            }
        }
        var kept = builders.Where(b => b.Wanted).Select(b => b.Build()).ToArray();
        return new DataFrame(path, kept, lineNumbers.ToArray());
    }

    private static string[] HeaderNames(string path, byte[] bytes, int length) =>
        ReadPass(() => new StreamReader(new MemoryStream(bytes, 0, length)), path, names: null, firstLine: 2, null, null, out _)
            .Select(b => b.Name).ToArray();

    /// <summary>
    /// Reads records from <paramref name="open"/>: with <paramref name="names"/> null the first record is the header,
    /// otherwise every record is data for those columns. <paramref name="firstLine"/> is the file line of the first
    /// data record.
    /// </summary>
    private static ColumnBuilder[] ReadPass(Func<TextReader> open, string path, string[]? names, int firstLine, HashSet<int>? textOnlyFor,
        IReadOnlyCollection<string>? columns, out List<int> lineNumbers)
    {
        var options = new CsvDataReaderOptions
        {
            HasHeaders = names is null,
            Delimiter = ',',
            Quote = '"',
            StringFactory = new StringInterner().Intern,
        };
        using var reader = CsvDataReader.Create(open(), options);
        if (names is null && (reader.FieldCount == 0 || (reader.FieldCount == 1 && string.IsNullOrWhiteSpace(reader.GetName(0)))))
        {
            throw new DataInputException($"{path}: empty file (a header row is needed)");
        }
        var builders = new ColumnBuilder[names?.Length ?? reader.FieldCount];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < builders.Length; i++)
        {
            var name = names?[i] ?? reader.GetName(i).Trim();
            if (name.Length == 0)
            {
                throw new DataInputException($"{path}: line 1: column {i + 1} has no name");
            }
            if (!seen.Add(name))
            {
                throw new DataInputException($"{path}: line 1: column name '{name}' appears twice");
            }
            builders[i] = new ColumnBuilder(i, name, textOnly: textOnlyFor?.Contains(i) ?? false);
        }
        var wanted = Wanted(builders.Select(b => b.Name).ToArray(), columns);
        for (var i = 0; i < builders.Length; i++)
        {
            builders[i].Wanted = wanted[i];
        }

        lineNumbers = new List<int>(capacity: 1024);
        var line = firstLine;
        while (reader.Read())
        {
            var fields = reader.RowFieldCount;
            if (fields > builders.Length)
            {
                throw new DataInputException(
                    $"{path}: line {line}: {fields} fields, but the header has {builders.Length} columns");
            }
            lineNumbers.Add(line);
            for (var i = 0; i < builders.Length; i++)
            {
                if (!builders[i].Wanted)
                {
                    continue;
                }
                if (i < fields)
                {
                    var span = reader.GetFieldSpan(i);
                    if (textOnlyFor is null || textOnlyFor.Contains(i))
                    {
                        builders[i].Add(span, reader, i);
                    }
                }
                else
                {
                    builders[i].AddMissing();
                }
            }
            // A quoted cell may span lines; counting the newlines of the raw record keeps line numbers true.
            var raw = reader.GetRawRecordSpan();
            line += raw.Count('\n') + (raw.EndsWith("\n") ? 0 : 1);
        }
        return builders;
    }

    /// <summary>Collects one column, as numbers while every cell parses, as text from the first cell that does not.</summary>
    private sealed class ColumnBuilder(int index, string name, bool textOnly)
    {

        private List<double>? numbers = textOnly ? null : new List<double>(1024);
        private List<string?>? texts = textOnly ? new List<string?>(1024) : null;
        private int count;

        public int Index { get; } = index;

        public string Name { get; } = name;

        /// <summary>False for a column the caller does not use: its cells are not collected.</summary>
        public bool Wanted { get; set; } = true;

        /// <summary>True when numbers were seen before the first text cell, so the earlier cells must be read again as text.</summary>
        public bool NeedsSecondPass { get; private set; }

        public void AddMissing()
        {
            numbers?.Add(double.NaN);
            texts?.Add(null);
            count++;
        }

        public void Add(ReadOnlySpan<char> cell, CsvDataReader reader, int ordinal)
        {
            // Most cells are numbers: try that first, and look for NA or blanks only when it fails.
            if (numbers is not null && (PlainDecimal.TryParse(cell, out var value) || double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out value)))
            {
                numbers.Add(value);
                count++;
                return;
            }
            if (CsvCells.IsMissing(cell))
            {
                AddMissing();
                return;
            }
            if (numbers is not null)
            {
                // The first text cell: every earlier cell was missing or a number.
                NeedsSecondPass = numbers.Exists(n => !double.IsNaN(n));
                texts = new List<string?>(Math.Max(count * 2, 1024));
                for (var i = 0; i < count; i++)
                {
                    texts.Add(null);
                }
                numbers = null;
            }
            texts!.Add(reader.GetString(ordinal));
            count++;
        }

        public DataColumn Build() => numbers is not null
            ? new DataColumn(Name, ColumnKind.Numeric, numbers.ToArray(), null)
            : new DataColumn(Name, ColumnKind.Text, null, texts!.ToArray());
    }
}
