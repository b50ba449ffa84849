using Sarc.Cli.Output;

namespace Sarc.Cli.Tests.Output;

public class TerminalProgressTest
{
    [Fact]
    public void Start_WhenErrorIsNotTheConsole_DrawsNothing()
    {
        var context = new CliContext(new StringWriter(), new StringWriter());

        Assert.Null(TerminalProgress.Start(context, json: false));
        Assert.Null(TerminalProgress.Start(context, json: true));
    }

    [Fact]
    public void Show_ThenDispose_DrawsOneLineAndErasesIt()
    {
        var error = new StringWriter();
        using (var progress = new TerminalProgress(error))
        {
            progress.For<int>(n => $"writing {n} patients").Report(500);
        }

        Assert.Equal("\rwriting 500 patients" + "\r" + new string(' ', 20) + "\r", error.ToString());
        Assert.DoesNotContain('\n', error.ToString());
    }

    [Fact]
    public void Stage_RightAfterAnotherDraw_IsDrawnAnyway_ACountIsNot()
    {
        var error = new StringWriter();
        var progress = new TerminalProgress(error);

        progress.Stage("running a (1 of 2)");
        progress.Show("10 of 20");
        progress.Stage("running b (2 of 2)");

        Assert.Equal("\rrunning a (1 of 2)\rrunning b (2 of 2)", error.ToString());
    }
}
