namespace Sarc.Registry.Template;

/// <summary>
/// One problem in an import: <paramref name="Line"/> is 1-based with the header as line 1; <paramref name="File"/> names
/// the file of a long-format import (a CSV file's name, or the sheet's name in a workbook) and is null for the flat
/// template, whose file the front end names once. <paramref name="Kind"/> lets a front end add its own hint (the CLI
/// says "use --update", a web form names its own control); the problem text itself names no command or control.
/// </summary>
public sealed record ImportError(int Line, string Column, string Problem, string? File = null, ImportErrorKind Kind = ImportErrorKind.Invalid)
{
    /// <summary>
    /// The user-facing form, <c>line N: column: problem</c>, or <c>FILE:line N: column: problem</c>; always one line (a
    /// cell value quoted in the problem that holds a line break shows it as <c>\n</c>).
    /// </summary>
    public override string ToString() => Sarc.Data.DataInputException.OneLine(File is null ? $"line {Line}: {Column}: {Problem}" : $"{File}:line {Line}: {Column}: {Problem}");
}
