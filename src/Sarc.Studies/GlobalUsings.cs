// Namespaces most of this project's files use: the tables and data errors of Sarc.Data, the JSON writer and its
// number helpers, the culture for formatting, and the project's own definitions, analyses and report blocks.
// A namespace only some files need stays in those files.
global using System.Globalization;
global using System.Text.Json;
global using Sarc.Data;
global using Sarc.Data.Tables;
global using Sarc.Studies.Analyses;
global using Sarc.Studies.Definitions;
global using Sarc.Studies.Json;
global using Sarc.Studies.Reports;
