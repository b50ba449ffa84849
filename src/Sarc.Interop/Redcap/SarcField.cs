using Sarc.Data.Tables;
using Sarc.Registry.LongFormat;

namespace Sarc.Interop.Redcap;

/// <summary>
/// One long-format column as a field of Sarc's REDCap project: <see cref="FieldName"/> in REDCap, its label, kind, the
/// Sarc codes of a choice column in code-table order (REDCap choice <c>i + 1</c> is <c>Codes[i]</c>), and the range
/// REDCap checks (<see cref="Min"/>/<see cref="Max"/>, inclusive, "" = none).
/// </summary>
public sealed record SarcField(
    LongFile File,
    string Column,
    string FieldName,
    string Label,
    SarcFieldKind Kind,
    IReadOnlyList<string> Codes,
    IReadOnlyList<string> CodeLabels,
    string Min = "",
    string Max = "",
    string Note = "",
    string BranchingLogic = "")
{
    /// <summary>The REDCap choice code of Sarc code <paramref name="code"/> (<c>1</c>-based position; <c>1</c>/<c>0</c> for yes/no), or "" for "".</summary>
    public string ChoiceOf(string code) => code.Length == 0
        ? ""
        : Kind == SarcFieldKind.YesNo
            ? code == "yes" ? "1" : "0"
            : (IndexOf(code) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>REDCap choice code → Sarc code, for a choice or yes/no column; null for the others.</summary>
    public IReadOnlyDictionary<string, string>? ChoiceCodes() => Kind switch
    {
        SarcFieldKind.YesNo => new Dictionary<string, string> { ["1"] = "yes", ["0"] = "no" },
        SarcFieldKind.Choice => Codes.Select((c, i) => (c, i)).ToDictionary(p => (p.i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), p => p.c),
        _ => null,
    };

    private int IndexOf(string code) =>
        ColumnNames.IndexOf(Codes, code) is var i and >= 0 ? i : throw new ArgumentException($"'{code}' is not a code of {File.Name}.{Column}.", nameof(code));
}
