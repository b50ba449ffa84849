namespace Sarc.Studies.Figures;

/// <summary>
/// A figure of the report (or of a CLI command's <c>--plot</c>): draws itself for a given width.
/// <see cref="FigureWriter"/> writes the drawing in each format.
/// </summary>
public interface IReportFigure
{
    /// <summary>The figure laid out for <paramref name="width"/> layout pixels (fonts keep their size; the height follows the content).</summary>
    FigureDrawing Draw(int width);
}
