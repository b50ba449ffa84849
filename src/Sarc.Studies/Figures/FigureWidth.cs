namespace Sarc.Studies.Figures;

/// <summary>The printed width of a figure: a journal's single column (85 mm) or the full page width (175 mm).</summary>
public enum FigureWidth
{
    /// <summary>One column, 85 mm.</summary>
    Single,

    /// <summary>Two columns (page width), 175 mm.</summary>
    Double,
}
