using Sarc.Testing;

namespace Sarc.Cli.Tests.Commands;

public class PlotOptionTest
{
    [Theory]
    [InlineData(".svg", "<?xml")]
    [InlineData(".png", "\u0089PNG")]
    [InlineData(".pdf", "%PDF-")]
    [InlineData(".tiff", "II*")]
    public void Km_Plot_WritesTheReportFigureInTheFormatOfTheExtension(string extension, string magic)
    {
        var path = Path.Combine(Path.GetTempPath(), "sarc-plot-" + Guid.NewGuid().ToString("N") + extension);
        try
        {
            var run = CliRun.Of("km", "--data", Fixture.PathOf("examples", "sarcoma.csv"), "--time", "os_months", "--event", "death", "--group", "grade", "--plot", path);

            Assert.True(run.ExitCode == 0, run.Error);
            var head = File.ReadAllBytes(path)[..8].Select(b => (char)b).ToArray();
            Assert.StartsWith(magic, new string(head), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("cif", "--data", "validation/data/cif_small.csv", "--time", "time", "--status", "status", "--group", "group")]
    [InlineData("cox", "--data", "examples/sarcoma.csv", "--formula", "Surv(os_months, death) ~ grade + size_cm")]
    public void OtherCommands_Plot_WriteAnSvg(params string[] args)
    {
        var path = Path.Combine(Path.GetTempPath(), "sarc-plot-" + Guid.NewGuid().ToString("N") + ".svg");
        try
        {
            var resolved = args.Select(a => a.Contains('/') ? Fixture.PathOf(a.Split('/')) : a).ToArray();
            var run = CliRun.Of([.. resolved, "--plot", path]);

            Assert.True(run.ExitCode == 0, run.Error);
            Assert.Contains("<svg", File.ReadAllText(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Plot_UnknownExtension_IsAUserErrorWithNothingWritten()
    {
        CliRun.Of("km", "--data", Fixture.PathOf("examples", "sarcoma.csv"), "--time", "os_months", "--event", "death", "--plot", "curve.gif")
            .AssertUserError("--plot: 'curve.gif' must end in .svg, .png, .pdf or .tiff");
    }
}
