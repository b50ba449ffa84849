// Namespaces most of this project's files use: the tables and data errors of Sarc.Data, JSON (the writer, SarcJson's
// settings and record serialization, the number helpers), the culture for formatting, and the project's own
// definitions, analyses and report blocks. A namespace only some files need stays in those files.
global using System.Globalization;
global using System.Text.Json;
global using System.Text.Json.Serialization;
global using Sarc.Data;
global using Sarc.Data.Tables;
global using Sarc.Registry.Json;
global using Sarc.Studies.Analyses;
global using Sarc.Studies.Definitions;
global using Sarc.Studies.Json;
global using Sarc.Studies.Reports;
