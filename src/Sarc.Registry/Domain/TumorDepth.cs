namespace Sarc.Registry.Domain;

/// <summary>Depth relative to the superficial fascia. Template codes <c>superficial</c> and <c>deep</c>.</summary>
public enum TumorDepth
{
    Superficial,
    Deep,
}
