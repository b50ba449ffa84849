namespace Sarc.Registry.Domain;

/// <summary>Depth relative to the superficial fascia. Template codes <c>superficial</c> and <c>deep</c>.</summary>
public enum TumorDepth
{
    /// <summary>Entirely above the superficial fascia (code <c>superficial</c>).</summary>
    Superficial,
    /// <summary>Beneath or invading the superficial fascia (code <c>deep</c>).</summary>
    Deep,
}
