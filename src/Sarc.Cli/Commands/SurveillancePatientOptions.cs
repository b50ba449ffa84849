using Sarc.Surveillance;
using Sarc.Surveillance.Rules;

namespace Sarc.Cli.Commands;

/// <summary>
/// The patients and rules of <c>sarc surveillance due</c> and <c>calendar</c>: the registry (<c>--db</c>) or a CSV with
/// the registry template's columns (<c>--data</c>), and the rule file (<c>--rules</c>).
/// </summary>
internal sealed class SurveillancePatientOptions
{
    public Option<string> Db { get; } = RegistryOptions.Db();

    public Option<string?> Data { get; } = new("--data")
    {
        Description = "Read the patients from this CSV instead of --db: the registry template's columns patient_id, grade, site, surgery_date, last_followup_date, and optionally lr_date, dm_date, death_date.",
    };

    public Option<string?> Rules { get; } = SurveillanceCommand.RulesOption();

    /// <summary>The rules, then the patients (read with them: a CSV's sites are the rules' sites).</summary>
    /// <exception cref="DataInputException">The rule file or the CSV has a problem, or the registry does not exist.</exception>
    public (RuleSet Rules, IReadOnlyList<SurveillancePatient> Patients) Load(ParseResult parse)
    {
        var rules = SurveillanceCommand.LoadRules(parse.GetValue(Rules));
        var patients = parse.GetValue(Data) is { } data ? SurveillancePatientTable.ReadCsv(data, rules) : RegistryPatients.Load(parse.GetValue(Db)!);
        return (rules, patients);
    }
}
