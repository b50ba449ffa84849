using Sarc.Data;
using Sarc.Web.Hosting;

namespace Sarc.Web.Tests;

/// <summary>The web app's own entry point: the arguments it takes (the host's own settings pass through).</summary>
public sealed class ProgramTest
{
    [Fact]
    public void Parse_DbAndUrls_InBothForms()
    {
        Assert.Equal(new WebOptions("r.db", "http://127.0.0.1:9000"), Program.Parse(["--db", "r.db", "--urls=http://127.0.0.1:9000"]));
        Assert.Equal(new WebOptions("x.db"), Program.Parse(["--db=x.db"]));
    }

    [Fact]
    public void Parse_Nothing_IsTheCliDefaults()
    {
        Assert.Equal(new WebOptions("sarc.db", "http://localhost:5080"), Program.Parse([]));
    }

    [Fact]
    public void Parse_HostSetting_IsLeftToTheHost()
    {
        Assert.Equal(new WebOptions("a.db"), Program.Parse(["--environment=Development", "--db", "a.db"]));
    }

    [Theory]
    [InlineData("--bd", "x.db")]
    [InlineData("--db")]
    public void Parse_UnknownOrIncomplete_IsOneLine(params string[] args)
    {
        var e = Assert.Throws<DataInputException>(() => Program.Parse(args));
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Main_BadArgument_Exits2WithoutStarting()
    {
        var error = new StringWriter();
        var saved = Console.Error;
        Console.SetError(error);
        try
        {
            Assert.Equal(2, Program.Main(["--port", "1"]));
        }
        finally
        {
            Console.SetError(saved);
        }
        Assert.Equal("Sarc.Web: unknown argument '--port' (expected --db D, --urls U)", error.ToString().Trim());
    }
}
