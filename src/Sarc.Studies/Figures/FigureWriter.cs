using System.Buffers.Binary;
using System.Text;
using SkiaSharp;

namespace Sarc.Studies.Figures;

/// <summary>
/// Writes a figure in each requested format: SVG sized in millimetres, PNG and TIFF rendered at the requested dpi (and
/// saying so in the file), PDF as vector graphics. The figure is laid out once, at the options' layout width, and
/// scaled to the printed width, so every format shows the same figure.
/// </summary>
public static class FigureWriter
{
    private const double MillimetresPerInch = 25.4;

    /// <summary>Writes <paramref name="basePath"/> plus each format's extension; returns the file names (no folder) in the order of the formats.</summary>
    public static IReadOnlyList<string> Save(IReportFigure figure, string basePath, FigureOptions options)
    {
        var drawing = figure.Draw(options.LayoutWidth);
        var names = new List<string>(options.Formats.Count);
        foreach (var format in options.Formats)
        {
            var path = basePath + Extension(format);
            Write(drawing, path, format, options);
            names.Add(Path.GetFileName(path));
        }
        return names;
    }

    /// <summary>Writes <paramref name="figure"/> to <paramref name="path"/> in the format its extension names (.svg, .png, .pdf, .tif/.tiff).</summary>
    /// <exception cref="Sarc.Data.DataInputException">The extension is not one of these.</exception>
    public static void SaveFile(IReportFigure figure, string path, FigureOptions options) => SaveFile(figure.Draw(options.LayoutWidth), path, options);

    /// <summary>Writes an already laid-out <paramref name="drawing"/> to <paramref name="path"/>, in the format of its extension, scaled to the options' width.</summary>
    /// <exception cref="Sarc.Data.DataInputException">The extension is not a figure format, or the file cannot be written.</exception>
    public static void SaveFile(FigureDrawing drawing, string path, FigureOptions options)
    {
        var format = FormatOf(path) ?? throw new Sarc.Data.DataInputException($"{path}: a figure file ends in .svg, .png, .pdf or .tiff");
        Write(drawing, path, format, options);
    }

    /// <summary>The format named by <paramref name="path"/>'s extension, or null.</summary>
    public static FigureFormat? FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".svg" => FigureFormat.Svg,
        ".png" => FigureFormat.Png,
        ".pdf" => FigureFormat.Pdf,
        ".tif" or ".tiff" => FigureFormat.Tiff,
        _ => null,
    };

    /// <summary>The file extension of <paramref name="format"/>, with its dot.</summary>
    public static string Extension(FigureFormat format) => format switch
    {
        FigureFormat.Svg => ".svg",
        FigureFormat.Png => ".png",
        FigureFormat.Pdf => ".pdf",
        FigureFormat.Tiff => ".tiff",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Not a figure format."),
    };

    /// <summary>Writes to a temporary file beside <paramref name="path"/> and renames it, so a failed write leaves nothing half-written.</summary>
    /// <exception cref="Sarc.Data.DataInputException">The file cannot be written.</exception>
    private static void Write(FigureDrawing drawing, string path, FigureFormat format, FigureOptions options)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            WriteFormat(drawing, temporary, format, options);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(temporary);
            throw new Sarc.Data.DataInputException($"{path}: cannot write the figure: {e.Message}");
        }
    }

    private static void WriteFormat(FigureDrawing drawing, string path, FigureFormat format, FigureOptions options)
    {
        switch (format)
        {
            case FigureFormat.Svg:
                File.WriteAllText(path, Svg(drawing, options), new UTF8Encoding(false));
                break;
            case FigureFormat.Pdf:
                Pdf(drawing, path, options);
                break;
            case FigureFormat.Png:
            case FigureFormat.Tiff:
                using (var bitmap = Raster(drawing, options))
                {
                    if (format == FigureFormat.Png)
                    {
                        File.WriteAllBytes(path, Png(bitmap, options.Dpi));
                    }
                    else
                    {
                        File.WriteAllBytes(path, TiffEncoder.Encode(bitmap, options.Dpi));
                    }
                }
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "Not a figure format.");
        }
    }

    /// <summary>The SVG with its printed size in millimetres and a view box in layout pixels.</summary>
    private static string Svg(FigureDrawing drawing, FigureOptions options)
    {
        var svg = drawing.Plot.GetSvgXml(drawing.Width, drawing.Height);
        var open = svg.IndexOf("<svg", StringComparison.Ordinal);
        var close = svg.IndexOf('>', open);
        var heightMm = options.WidthMillimetres * drawing.Height / drawing.Width;
        var size = string.Create(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{options.WidthMillimetres:0.##}mm\" height=\"{heightMm:0.##}mm\" viewBox=\"0 0 {drawing.Width} {drawing.Height}\"");
        var rest = svg[(open + 4)..close];
        // Keep ScottPlot's other root attributes; its width, height, viewBox and namespace are replaced.
        var kept = System.Text.RegularExpressions.Regex.Replace(rest, "\\s(width|height|viewBox|xmlns)=\"[^\"]*\"", "");
        return svg[..open] + size + kept + svg[close..];
    }

    private static double Scale(FigureDrawing drawing, FigureOptions options, double unitsPerInch) =>
        options.WidthMillimetres / MillimetresPerInch * unitsPerInch / drawing.Width;

    private static SKBitmap Raster(FigureDrawing drawing, FigureOptions options)
    {
        var scale = Scale(drawing, options, options.Dpi);
        var width = (int)Math.Round(drawing.Width * scale);
        var height = (int)Math.Round(drawing.Height * scale);
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.White);
        canvas.Scale((float)scale);
        drawing.Plot.Render(canvas, drawing.Width, drawing.Height);
        canvas.Flush();
        return bitmap;
    }

    private static void Pdf(FigureDrawing drawing, string path, FigureOptions options)
    {
        const double pointsPerInch = 72;
        var scale = Scale(drawing, options, pointsPerInch);
        using var stream = File.Create(path);
        using var document = SKDocument.CreatePdf(stream, new SKDocumentPdfMetadata { Creator = "Sarc", Producer = "Sarc", RasterDpi = options.Dpi });
        var canvas = document.BeginPage((float)(drawing.Width * scale), (float)(drawing.Height * scale));
        canvas.Scale((float)scale);
        drawing.Plot.Render(canvas, drawing.Width, drawing.Height);
        document.EndPage();
        document.Close();
    }

    /// <summary>The bitmap as PNG with a pHYs chunk (pixels per metre) right after IHDR, so readers know its dpi.</summary>
    private static byte[] Png(SKBitmap bitmap, int dpi)
    {
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        var png = data.ToArray();
        // Signature (8) + IHDR chunk (4 length + 4 type + 13 data + 4 CRC).
        const int afterHeader = 8 + 25;
        var pixelsPerMetre = (uint)Math.Round(dpi / 0.0254);
        var chunk = new byte[4 + 4 + 9 + 4];
        BinaryPrimitives.WriteUInt32BigEndian(chunk, 9);
        Encoding.ASCII.GetBytes("pHYs", chunk.AsSpan(4));
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8), pixelsPerMetre);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(12), pixelsPerMetre);
        chunk[16] = 1; // unit: metre
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(17), Crc32.Compute(chunk.AsSpan(4, 13)));
        return [.. png.AsSpan(0, afterHeader), .. chunk, .. png.AsSpan(afterHeader)];
    }
}
