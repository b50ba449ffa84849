using ScottPlot;

namespace Sarc.Studies.Figures;

/// <summary>
/// Saves a figure in the format its file name asks for: .svg (vector, for the web and reports), .png (300 dpi) or
/// .pdf (vector, for journals), through <see cref="FigureWriter"/> (written to a temporary file and renamed, so a
/// failed write leaves nothing half-written).
/// </summary>
public static class FigureFile
{
    /// <summary>The extensions a figure can be saved as.</summary>
    public static IReadOnlyList<string> Formats { get; } = [".svg", ".png", ".pdf"];

    /// <summary>Throws unless <paramref name="path"/> ends in a figure format; <paramref name="option"/> names the option in the message.</summary>
    /// <exception cref="DataInputException">Another extension.</exception>
    public static void RequireFormat(string path, string option)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (!Formats.Contains(extension))
        {
            throw new DataInputException($"{option}: '{path}' must end in .svg, .png or .pdf");
        }
    }

    /// <summary>
    /// Saves <paramref name="plot"/>, laid out at <paramref name="width"/> × <paramref name="height"/>, to
    /// <paramref name="path"/> through <see cref="FigureWriter"/> (the report's writer: page width, 300 dpi PNG).
    /// </summary>
    /// <exception cref="DataInputException">An unknown extension, or the file cannot be written.</exception>
    public static void Save(Plot plot, string path, int width, int height)
    {
        RequireFormat(path, "figure");
        FigureWriter.SaveFile(new FigureDrawing(plot, width, height), path, FigureOptions.Default);
    }
}
