namespace Sarc.Surveillance.Rules;

/// <summary>An exam a rule file declares: the name profiles use and the text shown to clinicians.</summary>
public sealed record ExamDefinition(string Name, string Description);
