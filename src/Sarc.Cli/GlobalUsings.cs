// Namespaces most files of the command line use: the parser, the data layer's errors and cells, and the output helpers.
global using System.CommandLine;
global using Sarc.Cli.Output;
global using Sarc.Data;
