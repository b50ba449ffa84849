namespace Sarc.Cli.Commands;

/// <summary>
/// Declares a command in one expression: its name, its help text, its options and arguments in the order
/// <c>--help</c> lists them (an <see cref="OptionSet"/> spread in place with <c>.. set.All</c>), and its action.
/// </summary>
internal static class CliCommand
{
    /// <summary>
    /// A command named <paramref name="name"/> that takes <paramref name="symbols"/> (options, arguments and
    /// subcommands, each added where System.CommandLine keeps its kind, in the order given) and runs
    /// <paramref name="action"/>, which returns the exit code.
    /// </summary>
    public static Command Create(string name, string description, IEnumerable<Symbol> symbols, Func<ParseResult, int> action)
    {
        var command = new Command(name, description);
        foreach (var symbol in symbols)
        {
            switch (symbol)
            {
                case Option option:
                    command.Options.Add(option);
                    break;
                case Argument argument:
                    command.Arguments.Add(argument);
                    break;
                case Command subcommand:
                    command.Subcommands.Add(subcommand);
                    break;
                default:
                    throw new ArgumentException($"{symbol.GetType().Name} is not an option, an argument or a command", nameof(symbols));
            }
        }
        command.SetAction(action);
        return command;
    }

    /// <summary>
    /// A command on the registry: <c>--db</c> (<see cref="RegistryOptions.Db"/>) first, then <paramref name="symbols"/>
    /// as in <see cref="Create"/>; <paramref name="action"/> gets the database <c>--db</c> names (a path or a PostgreSQL
    /// connection), not yet opened.
    /// </summary>
    public static Command OnRegistry(string name, string description, IEnumerable<Symbol> symbols, Func<ParseResult, string, int> action)
    {
        var db = RegistryOptions.Db();
        return Create(name, description, [db, .. symbols], parse => action(parse, parse.GetValue(db)!));
    }
}
