namespace Sarc.Registry.LongFormat;

/// <summary>
/// One file (sheet) of the long format: its name (<c>surgeries</c> ...), its columns in export order and which of them
/// are required (docs/formats.md). Every file's first column is <c>patient_id</c>.
/// </summary>
public sealed class LongFile
{
    private readonly string[] columns;
    private readonly bool[] required;

    internal LongFile(string name, string[] columns, params string[] requiredColumns)
    {
        Name = name;
        this.columns = columns;
        required = columns.Select(c => requiredColumns.Contains(c)).ToArray();
    }

    /// <summary>The file name without <c>.csv</c>, and the sheet name in a workbook.</summary>
    public string Name { get; }

    /// <summary>The columns in export order.</summary>
    public IReadOnlyList<string> Columns => columns;

    /// <summary>For each column whether it must be present with a value in every row.</summary>
    public IReadOnlyList<bool> Required => required;

    /// <summary>The position of <paramref name="column"/>.</summary>
    /// <exception cref="ArgumentException">Not a column of this file.</exception>
    public int IndexOf(string column)
    {
        var i = Array.IndexOf(columns, column);
        return i >= 0 ? i : throw new ArgumentException($"'{column}' is not a column of {Name}.", nameof(column));
    }

    /// <summary>The file's <see cref="Name"/>.</summary>
    public override string ToString() => Name;
}
