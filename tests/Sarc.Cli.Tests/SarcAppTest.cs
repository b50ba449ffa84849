using Sarc.Cli.Commands;

namespace Sarc.Cli.Tests;

public class SarcAppTest
{
    [Fact]
    public void UnknownCommand_IsAUserErrorNamingIt()
    {
        CliRun.Of("kaplan").AssertUserError("'kaplan'");
    }

    [Fact]
    public void NoArguments_PrintsHelpAndSucceeds()
    {
        var run = CliRun.Of();
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Commands:", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Catalog_EveryEntry_IsNamedAsTheCommandItMakes()
    {
        // A run builds only the command its first argument names, found by these names.
        var context = new CliContext(TextWriter.Null, TextWriter.Null);
        foreach (var (name, create) in CommandCatalog.Entries)
        {
            Assert.Equal(name, create(context).Name);
        }
        Assert.Equal(CommandCatalog.Entries.Length, CommandCatalog.Entries.Select(e => e.Name).Distinct().Count());
    }

    [Fact]
    public void Help_ListsEveryCommand_AndACommandsHelpIsItsOwn()
    {
        var help = CliRun.Of("--help");
        foreach (var (name, _) in CommandCatalog.Entries)
        {
            Assert.Contains($"  {name} ", help.Output, StringComparison.Ordinal);
        }
        var km = CliRun.Of("km", "--help");
        Assert.Equal(0, km.ExitCode);
        Assert.Contains(" km [options]", km.Output, StringComparison.Ordinal);
    }
}
