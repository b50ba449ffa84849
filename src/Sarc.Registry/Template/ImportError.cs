namespace Sarc.Registry.Template;

/// <summary>One problem in an import file: <paramref name="Line"/> is 1-based with the header as line 1.</summary>
public sealed record ImportError(int Line, string Column, string Problem)
{
    /// <summary>The user-facing form, <c>line N: column: problem</c>.</summary>
    public override string ToString() => $"line {Line}: {Column}: {Problem}";
}
