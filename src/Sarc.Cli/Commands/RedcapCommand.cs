using Sarc.Interop.Redcap;

namespace Sarc.Cli.Commands;

/// <summary>
/// <c>sarc redcap</c>: the registry to and from REDCap (docs/redcap.md): <c>export</c> writes records of Sarc's REDCap
/// project, <c>import</c> reads a project's records (Sarc's own, or a center's through a mapping), <c>pull</c> fetches
/// them through REDCap's API. The library is <see cref="RedcapExporter"/> and <see cref="RedcapImporter"/>.
/// </summary>
internal static class RedcapCommand
{
    public static Command Create(CliContext context) =>
        new("redcap", "REDCap: write Sarc's REDCap project, export records of Sarc's REDCap project, import a project's records (Sarc's or a center's own through a mapping), or pull them through REDCap's API.")
        {
            Project(context),
            Export(context),
            Import(context),
            Pull(context),
        };

    /// <summary>The files <c>sarc redcap project</c> writes into its folder.</summary>
    public const string DictionaryFile = "sarc_data_dictionary.csv";
    /// <summary>See <see cref="DictionaryFile"/>.</summary>
    public const string RepeatingFile = "repeating_instruments.csv";

    /// <summary>
    /// <c>sarc redcap project</c>: writes Sarc's REDCap project — the data dictionary a center uploads to create the project,
    /// and the list of its repeating instruments — as committed in <c>interop/redcap/</c>.
    /// </summary>
    private static Command Project(CliContext context)
    {
        var output = CommonOptions.Out("The folder to write sarc_data_dictionary.csv and repeating_instruments.csv into (created when absent).");
        return CliCommand.Create("project", "Write Sarc's REDCap project: the data dictionary (REDCap's 18 columns) and the repeating instruments.", [output], parse =>
        {
            var folder = parse.GetValue(output)!;
            try
            {
                Directory.CreateDirectory(folder);
                File.WriteAllText(Path.Combine(folder, DictionaryFile), SarcRedcapProject.Dictionary.ToString());
                File.WriteAllText(Path.Combine(folder, RepeatingFile), SarcRedcapProject.RepeatingInstrumentsCsv());
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new DataInputException($"--out: '{folder}' cannot be written: {e.Message}");
            }
            var d = SarcRedcapProject.Dictionary;
            context.Output.WriteLine($"{Path.Combine(folder, DictionaryFile)}: {d.Fields.Count} fields on {d.Forms.Count} instruments");
            context.Output.WriteLine($"{Path.Combine(folder, RepeatingFile)}: {SarcRedcapProject.Instruments.Count(i => i.Repeating)} repeating instruments");
            return SarcApp.Success;
        });
    }

    /// <summary><c>sarc redcap export</c>: the registry as records of Sarc's REDCap project, in REDCap's flat import format.</summary>
    private static Command Export(CliContext context)
    {
        var output = CommonOptions.Out("The records file to write (CSV, REDCap's flat import format).");
        return CliCommand.OnRegistry("export", "Write the registry as records of Sarc's REDCap project (REDCap's flat import format, one row per record and per repeating instance).", [output], (parse, db) =>
        {
            var path = parse.GetValue(output)!;
            using var store = RegistryStore.OpenExisting(db);
            var patients = store.LoadPatients();
            var text = new StringWriter();
            RedcapExporter.Write(patients, text);
            var csv = text.ToString();
            var rows = csv.Count(c => c == '\n') - 1;
            OutputFile.Write(path, () => File.WriteAllText(path, csv));
            context.Output.WriteLine($"{path}: {patients.Count} records in {rows} rows from {store.Description} (REDCap flat import format)");
            return SarcApp.Success;
        });
    }

    /// <summary>
    /// <c>sarc redcap import</c>: a REDCap project's records (its data dictionary and flat record export) into the registry,
    /// through a mapping for a center's own project; every record that cannot be mapped is listed and nothing is imported.
    /// </summary>
    private static Command Import(CliContext context)
    {
        var common = new ImportOptions();
        var dictionary = new Option<string>("--dictionary") { Description = "The project's data dictionary (REDCap's CSV download, 18 columns).", Required = true };
        var records = new Option<string>("--records") { Description = "The project's records (REDCap's CSV export, raw codes, flat).", Required = true };
        var mapping = MappingOption();
        return CliCommand.Create("import", "Import a REDCap project's records (Sarc's project, or a center's own with --mapping): every record maps and is valid, or nothing changes.", [dictionary, records, mapping, .. common.All], parse => common.Run(context, parse, "redcap import", parse.GetValue(records)!, "records",
            run => RedcapImporter.ImportFiles(run.OpenStore, parse.GetValue(dictionary)!, parse.GetValue(records)!, parse.GetValue(mapping),
                run.Update, run.Audit, run.Today, run.Progress)));
    }

    /// <summary>
    /// <c>sarc redcap pull</c>: fetches a project's data dictionary and records through REDCap's API and imports them as
    /// <c>sarc redcap import</c> does.
    /// </summary>
    private static Command Pull(CliContext context)
    {
        var common = new ImportOptions();
        var url = new Option<string>("--url") { Description = "The project's API URL, e.g. https://redcap.example.org/api/.", Required = true };
        var tokenFile = new Option<string>("--token-file") { Description = "A file holding the project's API token (32 hexadecimal characters); never give the token on the command line.", Required = true };
        var mapping = MappingOption();
        return CliCommand.Create("pull", "Fetch a REDCap project's data dictionary and records through its API and import them (as redcap import).", [url, tokenFile, mapping, .. common.All], parse =>
        {
            var api = RedcapApiClient.ParseUrl(parse.GetValue(url)!);
            var token = RedcapApiClient.ReadToken(parse.GetValue(tokenFile)!);
            using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
            return common.Run(context, parse, "redcap pull", api.ToString(), "records",
                run => RedcapImporter.Pull(run.OpenStore, new RedcapApiClient(http, api, token), parse.GetValue(mapping), run.Update, run.Audit, run.Today,
                    run.Terminal?.For<string>(what => $"sarc redcap pull: fetching {what} from {api.Host}…"), run.Progress));
        });
    }

    /// <summary>The <c>--mapping</c> option of <c>import</c> and <c>pull</c>.</summary>
    private static Option<string> MappingOption() =>
        new("--mapping") { Description = "Mapping of a center's own REDCap project onto Sarc (YAML, docs/redcap.md); without it the records must be of Sarc's project." };
}
