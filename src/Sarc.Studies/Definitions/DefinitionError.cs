namespace Sarc.Studies.Definitions;

/// <summary>One mistake in a study definition: the file, the 1-based line and column of the offending YAML node, and what is wrong.</summary>
public sealed record DefinitionError(string Source, int Line, int Column, string Message)
{
    /// <summary>"file:line:column: message", the form editors and compilers use.</summary>
    public override string ToString() => $"{Source}:{Line}:{Column}: {Message}";
}
