namespace Sarc.Cli.Tests;
