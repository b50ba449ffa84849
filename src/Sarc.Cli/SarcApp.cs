namespace Sarc.Cli;

/// <summary>The sarc command line: builds the command tree and runs it.</summary>
public static class SarcApp
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        output.WriteLine("sarc");
        return 0;
    }
}
