namespace Sarc.Registry.Domain;

/// <summary>Sex as recorded by the center. Template codes <c>M</c> and <c>F</c>.</summary>
public enum Sex
{
    /// <summary>Code <c>M</c>.</summary>
    Male,
    /// <summary>Code <c>F</c>.</summary>
    Female,
}
