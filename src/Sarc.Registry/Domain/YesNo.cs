namespace Sarc.Registry.Domain;

/// <summary>The codes of a yes/no field (<c>yes</c>, <c>no</c>); the domain holds such fields as <see cref="bool"/>.</summary>
public enum YesNo
{
    /// <summary>Code <c>no</c> (false).</summary>
    No,
    /// <summary>Code <c>yes</c> (true).</summary>
    Yes,
}
