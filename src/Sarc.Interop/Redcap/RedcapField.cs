namespace Sarc.Interop.Redcap;

/// <summary>
/// One row of a REDCap data dictionary: a field (variable) with its instrument, type, label, choices, validation and
/// the other columns REDCap's dictionary holds, as text exactly as the dictionary writes them.
/// </summary>
public sealed record RedcapField(
    string Name,
    string Form,
    string Type,
    string Label,
    string Choices = "",
    string Note = "",
    string Validation = "",
    string Min = "",
    string Max = "",
    string Identifier = "",
    string BranchingLogic = "",
    string Required = "",
    string Annotation = "",
    string SectionHeader = "",
    string CustomAlignment = "",
    string QuestionNumber = "",
    string MatrixGroup = "",
    string MatrixRanking = "")
{
    /// <summary>True for REDCap's <c>checkbox</c> fields, exported as one 0/1 column per choice (<c>name___code</c>).</summary>
    public bool IsCheckbox => Type == "checkbox";

    /// <summary>
    /// The choices of a <c>radio</c>, <c>dropdown</c> or <c>checkbox</c> field (<c>1, R0 | 2, R1</c>), or REDCap's fixed
    /// ones of <c>yesno</c> (1 Yes, 0 No) and <c>truefalse</c> (1 True, 0 False); empty for other types.
    /// </summary>
    public IReadOnlyList<(string Code, string Label)> ChoiceList => Type switch
    {
        "yesno" => [("1", "Yes"), ("0", "No")],
        "truefalse" => [("1", "True"), ("0", "False")],
        "radio" or "dropdown" or "checkbox" => ParseChoices(Choices),
        _ => [],
    };

    /// <summary>The cells of this field in the dictionary's column order (<see cref="RedcapDictionary.Columns"/>).</summary>
    public string[] Cells() =>
        [Name, Form, SectionHeader, Type, Label, Choices, Note, Validation, Min, Max, Identifier, BranchingLogic, Required,
         CustomAlignment, QuestionNumber, MatrixGroup, MatrixRanking, Annotation];

    /// <summary>Choices written as REDCap writes them: <c>code, label</c> pairs separated by <c>|</c>.</summary>
    public static string FormatChoices(IEnumerable<(string Code, string Label)> choices) =>
        string.Join(" | ", choices.Select(c => $"{c.Code}, {c.Label}"));

    private static (string Code, string Label)[] ParseChoices(string text) =>
        [.. text.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part =>
            {
                var comma = part.IndexOf(',', StringComparison.Ordinal);
                return comma < 0 ? (part, part) : (part[..comma].Trim(), part[(comma + 1)..].Trim());
            })];
}
