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
}
