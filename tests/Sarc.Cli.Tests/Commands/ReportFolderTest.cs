namespace Sarc.Cli.Tests.Commands;

/// <summary>A report folder given as an existing file is a user mistake, reported before anything is written.</summary>
public class ReportFolderTest
{
    [Theory]
    [InlineData("demo")]
    [InlineData("study")]
    public void Out_ExistingFile_IsUserErrorAndTheFileIsUntouched(string command)
    {
        using var file = new TempFile("keep me");
        string[] args = command == "demo"
            ? ["demo", "--patients", "50", "--out", file.Path]
            : ["study", "run", Sarc.Testing.Fixture.PathOf("studies", "necrosis-outcomes.yaml"), "--data", Sarc.Testing.Fixture.PathOf("validation", "data", "registry_long"), "--out", file.Path];

        CliRun.Of(args).AssertUserError($"--out: '{file.Path}' is a file; give a folder for the report");

        Assert.Equal("keep me", File.ReadAllText(file.Path));
    }
}
