using Sarc.Studies.Figures;

namespace Sarc.Cli.Commands;

/// <summary>
/// <c>--plot FILE</c> (with <c>--dpi</c> and <c>--figure-width</c>) of km, cif, multistate and cox: the figure the
/// study report draws, for the user's own data, in the format of the file's extension (.svg, .png, .pdf, .tiff).
/// </summary>
internal sealed class PlotOption : OptionSet
{
    private readonly Option<string> _plot = new("--plot") { Description = "Also draw the report's figure to FILE: .svg, .png, .pdf or .tiff, by its extension." };
    private readonly FigureCommandOptions _figure = FigureCommandOptions.ForPlot();

    public override IEnumerable<Option> All => [_plot, .. _figure.All];

    /// <summary>The plot file and its options, checked before anything is computed; null when no plot is asked for.</summary>
    /// <exception cref="DataInputException">An extension that is not a figure format, or a bad --dpi / --figure-width.</exception>
    public (string Path, FigureOptions Options)? Of(ParseResult parse)
    {
        if (parse.GetValue(_plot) is not { } path)
        {
            return null;
        }
        if (FigureWriter.FormatOf(path) is null)
        {
            throw new DataInputException($"--plot: '{path}' must end in .svg, .png, .pdf or .tiff");
        }
        return (path, _figure.Parse(parse));
    }

    /// <summary>Draws <paramref name="figure"/> into the plot file, when one was asked for.</summary>
    public static void Save((string Path, FigureOptions Options)? plot, Func<IReportFigure> figure)
    {
        if (plot is { } p)
        {
            FigureWriter.SaveFile(figure(), p.Path, p.Options);
        }
    }
}
