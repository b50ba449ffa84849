namespace Sarc.Registry.Domain;

/// <summary>Sex as recorded by the center. Template codes <c>M</c> and <c>F</c>.</summary>
public enum Sex
{
    Male,
    Female,
}
