using Sarc.Data;
using Sarc.Web.Hosting;

namespace Sarc.Web;

/// <summary>
/// The web app's own entry point, <c>Sarc.Web [--db D] [--urls U]</c>: what <c>WebApplicationFactory&lt;Program&gt;</c>
/// starts in the integration tests, and a way to host the app without the CLI. Users start it with
/// <c>sarc serve</c>, which builds the same app (<see cref="SarcWebApp.Build"/>).
/// </summary>
public sealed class Program
{
    private Program()
    {
    }

    /// <summary>Runs the app until stopped; 2 with a one-line message for a bad argument or a database that cannot be opened.</summary>
    public static int Main(string[] args)
    {
        try
        {
            SarcWebApp.Build(Parse(args)).Run();
            return 0;
        }
        catch (DataInputException e)
        {
            Console.Error.WriteLine($"Sarc.Web: {e.Message}");
            return 2;
        }
    }

    /// <summary>
    /// <c>--db D</c> (default <c>sarc.db</c>) and <c>--urls U</c>, each also as <c>--name=value</c>. Other
    /// <c>--key=value</c> arguments are host settings (a test host passes some) and are left to the host.
    /// </summary>
    /// <exception cref="DataInputException">An unknown option or an option without its value.</exception>
    public static WebOptions Parse(IReadOnlyList<string> args)
    {
        var options = new WebOptions("sarc.db");
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals > 0 ? arg[..equals] : arg;
            if (name is not ("--db" or "--urls"))
            {
                if (equals > 0 && arg.StartsWith("--", StringComparison.Ordinal))
                {
                    continue;
                }
                throw new DataInputException($"unknown argument '{arg}' (expected --db D, --urls U)");
            }
            string value;
            if (equals > 0)
            {
                value = arg[(equals + 1)..];
            }
            else if (i + 1 < args.Count)
            {
                value = args[++i];
            }
            else
            {
                throw new DataInputException($"{name} needs a value");
            }
            options = name == "--db" ? options with { Database = value } : options with { Urls = value };
        }
        return options;
    }
}
