// Namespaces most files of the command line use (the parser, the data layer's errors and cells, the output helpers),
// and those a family of commands each opens: culture for formatting; the CSV reader, the analyses and their JSON
// writers of the statistics commands; the registry's store and audit context of the registry commands; the prediction
// models of the model commands. A namespace only some files need stays in those files.
global using System.CommandLine;
global using System.Globalization;
global using Sarc.Cli.Output;
global using Sarc.Data;
global using Sarc.Data.Csv;
global using Sarc.Registry.Audit;
global using Sarc.Registry.Storage;
global using Sarc.Studies.Analyses;
global using Sarc.Studies.Json;
global using Sarc.Studies.Prediction;
