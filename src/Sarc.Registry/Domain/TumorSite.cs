namespace Sarc.Registry.Domain;

/// <summary>Anatomic site of the primary tumor; the template codes are the snake_case names (<c>extremity_lower</c> ...).</summary>
public enum TumorSite
{
    /// <summary>Lower limb and limb girdle (code <c>extremity_lower</c>).</summary>
    ExtremityLower,
    /// <summary>Upper limb and limb girdle (code <c>extremity_upper</c>).</summary>
    ExtremityUpper,
    /// <summary>Trunk wall (code <c>trunk</c>).</summary>
    Trunk,
    /// <summary>Retroperitoneum (code <c>retroperitoneum</c>).</summary>
    Retroperitoneum,
    /// <summary>Head and neck (code <c>head_neck</c>).</summary>
    HeadNeck,
    /// <summary>Visceral organs (code <c>visceral</c>).</summary>
    Visceral,
}
