using System.CommandLine;
using Sarc.Cli.Commands;
using Sarc.Data;

namespace Sarc.Cli;

/// <summary>
/// The <c>sarc</c> command line: builds the command tree, runs it, and maps failures to the exit codes users and
/// scripts rely on: 0 success, 2 a mistake in the user's input (one line on stderr, nothing on stdout), 1 an
/// unexpected internal error.
/// </summary>
public static class SarcApp
{
    /// <summary>Exit code 0: the command did what was asked.</summary>
    public const int Success = 0;
    /// <summary>Exit code 1: an unexpected failure (a bug or the environment): one "internal error" line, the stack trace only with <c>SARC_DEBUG=1</c>.</summary>
    public const int InternalError = 1;
    /// <summary>Exit code 2: a mistake in the user's input (file, option, value), one line per problem on stderr, nothing on stdout.</summary>
    public const int UserError = 2;

    /// <summary>Runs <c>sarc</c> with <paramref name="args"/>, writing results to <paramref name="output"/> and messages to <paramref name="error"/>.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var context = new CliContext(output, error);
        var root = BuildRoot(context);
        // A bare `sarc` is a request for orientation, not a mistake.
        var parseResult = root.Parse(args.Length == 0 ? ["--help"] : args);
        if (parseResult.Errors.Count > 0)
        {
            var command = parseResult.CommandResult.Command;
            var path = command == root ? "sarc" : $"sarc {string.Join(' ', CommandPath(command))}";
            // An unknown word explains the problem better than the "required command" error it also causes.
            var first = parseResult.Errors.FirstOrDefault(e => e.Message.StartsWith("Unrecognized", StringComparison.Ordinal))
                ?? parseResult.Errors[0];
            var oneLine = string.Join(' ', first.Message.Split((char[])['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            error.WriteLine($"{path}: {oneLine} (see '{path} --help')");
            return UserError;
        }
        try
        {
            return parseResult.Invoke(new InvocationConfiguration
            {
                Output = output,
                Error = error,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (DataInputException exception)
        {
            error.WriteLine($"sarc: {exception.Message}");
            return UserError;
        }
        catch (Exception exception)
        {
            error.WriteLine($"sarc: internal error: {exception.GetType().Name}: {exception.Message}");
            if (Environment.GetEnvironmentVariable("SARC_DEBUG") == "1")
            {
                error.WriteLine(exception);
            }
            return InternalError;
        }
    }

    private static RootCommand BuildRoot(CliContext context)
    {
        var root = new RootCommand("Sarc: soft-tissue sarcoma outcomes research — registry, statistics matching R, studies and reports.");
        foreach (var command in CommandCatalog.All(context))
        {
            root.Subcommands.Add(command);
        }
        return root;
    }

    private static IEnumerable<string> CommandPath(Command command)
    {
        var names = new Stack<string>();
        for (Symbol? symbol = command; symbol is Command current && symbol is not RootCommand; symbol = current.Parents.FirstOrDefault())
        {
            names.Push(current.Name);
        }
        return names;
    }
}
