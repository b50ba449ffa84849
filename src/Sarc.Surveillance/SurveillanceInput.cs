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
    public static TumorGrade ParseGrade(string? text, string what = "grade") =>
        TryParseGrade(text, out var grade) ? grade : throw new DataInputException($"{what}: unknown grade '{text}'; expected 1, 2, 3 or X.");

    /// <summary>As <see cref="ParseGrade"/> (the registry's codes, <see cref="RegistryCodes.Grade"/>), false for any other text.</summary>
    public static bool TryParseGrade(string? text, out TumorGrade grade)
    {
        var value = (text ?? string.Empty).Trim().ToUpperInvariant();
        if (value.StartsWith('G'))
        {
            value = value[1..];
        }

        var known = RegistryCodes.Grade.TryParse(value, out var fnclcc);
        grade = known ? RegistryPatients.Grade(fnclcc) : default;
        return known;
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
    public static string Format(TumorGrade grade)
    {
        foreach (var fnclcc in RegistryCodes.Grade.Values)
        {
            if (RegistryPatients.Grade(fnclcc) == grade)
            {
                return RegistryCodes.Grade.Code(fnclcc);
            }
        }

        throw new ArgumentOutOfRangeException(nameof(grade), grade, "grade must be G1, G2, G3 or GX.");
    }
}
