using SkiaSharp;

namespace Sarc.Studies.Figures;

/// <summary>Measures text in the figures' font, so layouts leave room for their labels instead of guessing.</summary>
public static class FigureText
{
    private static readonly SKTypeface Regular = SKTypeface.FromFamilyName(FigureStyle.FontName) ?? SKTypeface.Default;
    private static readonly SKTypeface Bold = SKTypeface.FromFamilyName(FigureStyle.FontName, SKFontStyle.Bold) ?? SKTypeface.Default;

    /// <summary>The advance width of <paramref name="text"/> in layout pixels at <paramref name="size"/> pixels.</summary>
    public static float Width(string text, float size, bool bold = false)
    {
        using var font = new SKFont(bold ? Bold : Regular, size);
        return font.MeasureText(text);
    }
}
