namespace Sarc.Surveillance.Rules;

/// <summary>
/// The outcome of reading a rule file: the rules when the file is valid, otherwise every problem found (not only the
/// first), each with its line.
/// </summary>
public sealed record RuleParseResult(RuleSet? Rules, IReadOnlyList<RuleError> Errors)
{
    /// <summary>True when the file was valid and <see cref="Rules"/> is set.</summary>
    public bool Success => Rules is not null;
}
