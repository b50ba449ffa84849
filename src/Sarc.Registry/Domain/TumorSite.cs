namespace Sarc.Registry.Domain;

/// <summary>Anatomic site of the primary tumor; the template codes are the snake_case names (<c>extremity_lower</c> ...).</summary>
public enum TumorSite
{
    ExtremityLower,
    ExtremityUpper,
    Trunk,
    Retroperitoneum,
    HeadNeck,
    Visceral,
}
