using System.Buffers.Binary;
using SkiaSharp;

namespace Sarc.Studies.Figures;

/// <summary>
/// Writes a bitmap as a baseline TIFF 6.0 file: little-endian, 8-bit RGB (the white background makes alpha
/// unnecessary), one strip, PackBits compression, and the resolution in dots per inch.
/// </summary>
internal static class TiffEncoder
{
    /// <summary>The TIFF bytes of <paramref name="bitmap"/> at <paramref name="dpi"/>.</summary>
    public static byte[] Encode(SKBitmap bitmap, int dpi)
    {
        var width = bitmap.Width;
        var height = bitmap.Height;
        var row = new byte[width * 3];
        using var pixels = new MemoryStream();
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var c = bitmap.GetPixel(x, y);
                // Composite over white (the canvas was cleared white, so alpha is 255 everywhere in practice).
                row[3 * x] = Over(c.Red, c.Alpha);
                row[3 * x + 1] = Over(c.Green, c.Alpha);
                row[3 * x + 2] = Over(c.Blue, c.Alpha);
            }
            PackBits(row, pixels);
        }
        var strip = pixels.ToArray();

        const int entries = 13;
        const int headerSize = 8;
        var ifdOffset = headerSize;
        var ifdSize = 2 + entries * 12 + 4;
        var bitsOffset = ifdOffset + ifdSize;
        var resolutionOffset = bitsOffset + 6;
        var stripOffset = resolutionOffset + 16;
        var file = new byte[stripOffset + strip.Length];
        var span = file.AsSpan();
        span[0] = (byte)'I';
        span[1] = (byte)'I';
        BinaryPrimitives.WriteUInt16LittleEndian(span[2..], 42);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], (uint)ifdOffset);
        BinaryPrimitives.WriteUInt16LittleEndian(span[ifdOffset..], entries);
        var at = ifdOffset + 2;
        void Entry(ushort tag, ushort type, uint count, uint value)
        {
            var span = file.AsSpan();
            BinaryPrimitives.WriteUInt16LittleEndian(span[at..], tag);
            BinaryPrimitives.WriteUInt16LittleEndian(span[(at + 2)..], type);
            BinaryPrimitives.WriteUInt32LittleEndian(span[(at + 4)..], count);
            if (type == Short && count == 1)
            {
                BinaryPrimitives.WriteUInt16LittleEndian(span[(at + 8)..], (ushort)value);
            }
            else
            {
                BinaryPrimitives.WriteUInt32LittleEndian(span[(at + 8)..], value);
            }
            at += 12;
        }
        // Tags in ascending order, as TIFF requires.
        Entry(256, Long, 1, (uint)width);             // ImageWidth
        Entry(257, Long, 1, (uint)height);            // ImageLength
        Entry(258, Short, 3, (uint)bitsOffset);       // BitsPerSample 8,8,8
        Entry(259, Short, 1, 32773);                  // Compression: PackBits
        Entry(262, Short, 1, 2);                      // PhotometricInterpretation: RGB
        Entry(273, Long, 1, (uint)stripOffset);       // StripOffsets
        Entry(277, Short, 1, 3);                      // SamplesPerPixel
        Entry(278, Long, 1, (uint)height);            // RowsPerStrip
        Entry(279, Long, 1, (uint)strip.Length);      // StripByteCounts
        Entry(282, Rational, 1, (uint)resolutionOffset);      // XResolution
        Entry(283, Rational, 1, (uint)(resolutionOffset + 8)); // YResolution
        Entry(284, Short, 1, 1);                      // PlanarConfiguration: chunky
        Entry(296, Short, 1, 2);                      // ResolutionUnit: inch
        BinaryPrimitives.WriteUInt32LittleEndian(span[at..], 0); // no next IFD
        for (var i = 0; i < 3; i++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(span[(bitsOffset + 2 * i)..], 8);
        }
        for (var i = 0; i < 2; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(span[(resolutionOffset + 8 * i)..], (uint)dpi);
            BinaryPrimitives.WriteUInt32LittleEndian(span[(resolutionOffset + 8 * i + 4)..], 1);
        }
        strip.CopyTo(span[stripOffset..]);
        return file;
    }

    private const ushort Short = 3;
    private const ushort Long = 4;
    private const ushort Rational = 5;

    private static byte Over(byte value, byte alpha) => (byte)((value * alpha + 255 * (255 - alpha)) / 255);

    /// <summary>PackBits run-length encoding of one row (runs of 2-128 equal bytes, literals of up to 128).</summary>
    private static void PackBits(byte[] row, Stream output)
    {
        var i = 0;
        while (i < row.Length)
        {
            var run = 1;
            while (i + run < row.Length && run < 128 && row[i + run] == row[i])
            {
                run++;
            }
            if (run >= 2)
            {
                output.WriteByte((byte)(257 - run));
                output.WriteByte(row[i]);
                i += run;
                continue;
            }
            var start = i;
            var literal = 0;
            while (i < row.Length && literal < 128 && !(i + 1 < row.Length && row[i + 1] == row[i]))
            {
                i++;
                literal++;
            }
            if (literal == 0)
            {
                // A run of two starts here; take it on the next pass.
                continue;
            }
            output.WriteByte((byte)(literal - 1));
            output.Write(row, start, literal);
        }
    }
}
