namespace Sarc.Cli.Commands;

/// <summary>
/// A family of options several commands take together (<see cref="ImportOptions"/>, <see cref="SurvivalColumnOptions"/>,
/// <see cref="FormulaDataOptions"/>, <see cref="ModelDataOptions"/>, <see cref="PlotOption"/>,
/// <see cref="FigureCommandOptions"/>): declared and checked in one place, spread into each command's symbols where
/// <c>--help</c> lists them (<c>[.. set.All, …]</c> in <see cref="CliCommand.Create"/>).
/// </summary>
internal abstract class OptionSet
{
    /// <summary>The options, in the order <c>--help</c> lists them.</summary>
    public abstract IEnumerable<Option> All { get; }
}
