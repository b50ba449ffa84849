using Sarc.Studies.Figures;

namespace Sarc.Cli.Commands;

/// <summary>The figure options of <c>study run</c> and <c>demo</c> (formats, dpi, width) and of <c>--plot</c> (dpi, width), parsed into <see cref="FigureOptions"/> in one place.</summary>
internal sealed class FigureCommandOptions : OptionSet
{
    private readonly Option<string>? _formats;
    private readonly Option<int> _dpi = new("--dpi") { Description = "Resolution of PNG and TIFF figures in dots per inch (72 to 2400).", DefaultValueFactory = _ => FigureOptions.Default.Dpi };
    private readonly Option<string> _width = new("--figure-width") { Description = "Printed figure width: single (85 mm, one column) or double (175 mm, page width).", DefaultValueFactory = _ => "double" };

    private FigureCommandOptions(Option<string>? formats) => _formats = formats;

    /// <summary>The options of a report: --figure-formats, --dpi, --figure-width.</summary>
    public static FigureCommandOptions ForReports() => new(new Option<string>("--figure-formats")
    {
        Description = "Figure formats, comma-separated: svg, png, pdf, tiff (the page shows the first).",
        DefaultValueFactory = _ => "svg,png",
    });

    /// <summary>The options of a single plot file (its format is its extension): --dpi, --figure-width.</summary>
    public static FigureCommandOptions ForPlot() => new(null);

    public override IEnumerable<Option> All => _formats is null ? [_dpi, _width] : [_formats, _dpi, _width];

    /// <summary>The options as given.</summary>
    /// <exception cref="DataInputException">An unknown format, a dpi out of range or an unknown width.</exception>
    public FigureOptions Parse(ParseResult parse)
    {
        var dpi = parse.GetValue(_dpi);
        if (dpi is < 72 or > 2400)
        {
            throw new DataInputException($"--dpi must be between 72 and 2400, found {dpi}");
        }
        var width = parse.GetValue(_width) switch
        {
            "single" => FigureWidth.Single,
            "double" => FigureWidth.Double,
            var other => throw new DataInputException($"--figure-width must be single or double, found '{other}'"),
        };
        var formats = FigureOptions.Default.Formats;
        if (_formats is not null)
        {
            var list = new List<FigureFormat>();
            foreach (var name in parse.GetValue(_formats)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var format = name.ToLowerInvariant() switch
                {
                    "svg" => FigureFormat.Svg,
                    "png" => FigureFormat.Png,
                    "pdf" => FigureFormat.Pdf,
                    "tif" or "tiff" => FigureFormat.Tiff,
                    _ => throw new DataInputException($"--figure-formats: '{name}' is not one of svg, png, pdf, tiff"),
                };
                if (!list.Contains(format))
                {
                    list.Add(format);
                }
            }
            if (list.Count == 0)
            {
                throw new DataInputException("--figure-formats needs at least one of svg, png, pdf, tiff");
            }
            formats = list;
        }
        return new FigureOptions { Formats = formats, Dpi = dpi, Width = width };
    }
}
