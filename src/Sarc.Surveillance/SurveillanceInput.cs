using Sarc.Data;
using Sarc.Registry.Codes;

namespace Sarc.Surveillance;

/// <summary>
/// Parses the values a user types or a registry file holds (grade, date) into the types the planner takes, with one-line
/// <see cref="DataInputException"/> messages that name the value and what was expected.
/// </summary>
public static class SurveillanceInput
{
    /// <summary>
    /// A grade written <c>1</c>, <c>2</c>, <c>3</c> or <c>X</c> (the registry's spelling), optionally prefixed with <c>G</c>;
    /// case and surrounding blanks are ignored.
    /// </summary>
    /// <param name="text">The grade as written.</param>
    /// <param name="what">What the value is, for the message (e.g. <c>--grade</c>).</param>
    /// <exception cref="DataInputException">Any other text.</exception>
    public static TumorGrade ParseGrade(string? text, string what = "grade")
    {
        var value = (text ?? string.Empty).Trim().ToUpperInvariant();
        if (value.StartsWith('G'))
        {
            value = value[1..];
        }

        return value switch
        {
            "1" => TumorGrade.G1,
            "2" => TumorGrade.G2,
            "3" => TumorGrade.G3,
            "X" => TumorGrade.GX,
            _ => throw new DataInputException($"{what}: unknown grade '{text}'; expected 1, 2, 3 or X."),
        };
    }

    /// <summary>An ISO calendar date <c>YYYY-MM-DD</c> (no time, no other format, so 03/04 can never be misread).</summary>
    /// <param name="text">The date as written.</param>
    /// <param name="what">What the value is, for the message (e.g. <c>--surgery-date</c>).</param>
    /// <exception cref="DataInputException">Text that is not a valid date in that format (e.g. 2023-02-30).</exception>
    public static DateOnly ParseDate(string? text, string what)
    {
        if (CellText.TryDate((text ?? string.Empty).Trim(), out var date))
        {
            return date;
        }

        throw new DataInputException($"{what}: '{text}' is not a date; expected YYYY-MM-DD.");
    }

    /// <summary>The grade as the registry writes it: <c>1</c>, <c>2</c>, <c>3</c> or <c>X</c>.</summary>
    public static string Format(TumorGrade grade) => grade switch
    {
        TumorGrade.G1 => "1",
        TumorGrade.G2 => "2",
        TumorGrade.G3 => "3",
        TumorGrade.GX => "X",
        _ => throw new ArgumentOutOfRangeException(nameof(grade), grade, "grade must be G1, G2, G3 or GX."),
    };
}
