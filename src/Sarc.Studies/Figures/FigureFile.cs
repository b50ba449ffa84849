using ScottPlot;
using Sarc.Data;
using SkiaSharp;

namespace Sarc.Studies.Figures;

/// <summary>
/// Saves a figure in the format its file name asks for: .svg (vector, for the web and reports), .png (at
/// <see cref="FigureStyle.Width"/> pixels wide) or .pdf (vector, for journals), written to a temporary file and
/// renamed, so a failed write leaves nothing half-written.
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

    /// <summary>Saves <paramref name="plot"/> at <paramref name="width"/> × <paramref name="height"/> to <paramref name="path"/>.</summary>
    /// <exception cref="DataInputException">An unknown extension, or the file cannot be written.</exception>
    public static void Save(Plot plot, string path, int width, int height)
    {
        RequireFormat(path, "figure");
        var extension = Path.GetExtension(path).ToLowerInvariant();
        var temporary = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}{extension}");
        try
        {
            switch (extension)
            {
                case ".svg":
                    plot.SaveSvg(temporary, width, height);
                    break;
                case ".png":
                    plot.SavePng(temporary, width, height);
                    break;
                default:
                    using (var stream = File.Create(temporary))
                    using (var document = SKDocument.CreatePdf(stream))
                    {
                        var canvas = document.BeginPage(width, height);
                        plot.Render(canvas, width, height);
                        document.EndPage();
                        document.Close();
                    }
                    break;
            }
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(temporary);
            throw new DataInputException($"{path}: cannot write the figure: {e.Message}");
        }
    }
}
