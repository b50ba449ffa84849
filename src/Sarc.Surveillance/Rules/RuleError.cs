namespace Sarc.Surveillance.Rules;

/// <summary>One problem in a rule file, at a 1-based line.</summary>
public sealed record RuleError(string Source, int Line, string Message)
{
    /// <summary>The one-line form the CLI prints: <c>file:line: message</c>.</summary>
    public override string ToString() => $"{Source}:{Line}: {Message}";
}
