namespace Sarc.Studies.Figures;

/// <summary>A file format for figures. SVG and PDF are vector; PNG and TIFF are rasters that carry their dpi.</summary>
public enum FigureFormat
{
    /// <summary>Scalable vector graphics, sized in millimetres (the report shows this one).</summary>
    Svg,

    /// <summary>PNG at the requested dpi (pHYs chunk).</summary>
    Png,

    /// <summary>Vector PDF, one page the size of the figure.</summary>
    Pdf,

    /// <summary>TIFF (RGB, PackBits) at the requested dpi, as many journals ask for.</summary>
    Tiff,
}
