namespace Sarc.Cli.Commands;

/// <summary>
/// A family of options several commands take together (<see cref="ImportOptions"/>, <see cref="SurvivalColumnOptions"/>,
/// <see cref="PlotOption"/>, <see cref="FigureCommandOptions"/>): declared and checked in one place, added to each
/// command in one call.
/// </summary>
internal abstract class OptionSet
{
    /// <summary>The options, in the order <c>--help</c> lists them.</summary>
    public abstract IEnumerable<Option> All { get; }

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in All)
        {
            command.Options.Add(option);
        }
    }
}
