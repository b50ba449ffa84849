using System.Text.RegularExpressions;

namespace Sarc.Studies.Definitions;

/// <summary>
/// The column names a right-hand-side formula refers to, e.g. <c>"~ high_grade + size_gt5 + strata(center)"</c> →
/// high_grade, size_gt5, center. Only for checking names: fitting parses the formula with the Cox engine's own rules.
/// </summary>
public static partial class FormulaTerms
{
    /// <summary>Identifiers in <paramref name="formula"/> that name columns (function names before '(' are skipped).</summary>
    public static IReadOnlyList<string> Columns(string formula)
    {
        var tilde = formula.IndexOf('~');
        var rhs = tilde >= 0 ? formula[(tilde + 1)..] : formula;
        var names = new List<string>();
        foreach (Match match in Identifier().Matches(rhs))
        {
            var end = match.Index + match.Length;
            var isCall = end < rhs.Length && rhs[end] == '(';
            if (!isCall && !names.Contains(match.Value))
            {
                names.Add(match.Value);
            }
        }
        return names;
    }

    [GeneratedRegex(@"(?<![0-9.])[A-Za-z_][A-Za-z0-9_.]*")]
    private static partial Regex Identifier();
}
