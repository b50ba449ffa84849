using System.CommandLine;
using System.Text.Json;
using Sarc.Cli.Output;
using Sarc.Surveillance;
using Sarc.Surveillance.Rules;

namespace Sarc.Cli.Commands;

/// <summary>
/// <c>sarc surveillance</c>: follow-up schedules after sarcoma surgery from the rule file (the built-in ESMO/NCCN-style
/// defaults, or a center's own with <c>--rules</c>). The commands that read the registry (due list, calendar) are
/// wired where the registry lives; their logic is <see cref="SurveillancePlanner"/>.
/// </summary>
internal static class SurveillanceCommand
{
    public static Command Create(CliContext context) =>
        new("surveillance", "Risk-adapted follow-up schedules after sarcoma surgery.")
        {
            Schedule(context),
            Rules(context),
        };

    /// <summary>The <c>--rules FILE</c> option every surveillance command takes.</summary>
    public static Option<string?> RulesOption() =>
        new("--rules") { Description = "Rule file (YAML) to use instead of the built-in rules; see docs/surveillance.md." };

    /// <summary>The rules named by <c>--rules</c>, or the built-in ones.</summary>
    /// <exception cref="Sarc.Data.DataInputException">The file cannot be read or has a problem.</exception>
    public static RuleSet LoadRules(string? path) => path is null ? RuleSet.Default : RuleSet.Load(path);

    private static Command Schedule(CliContext context)
    {
        var grade = new Option<string>("--grade") { Description = "FNCLCC grade: 1, 2, 3 or X.", Required = true };
        var site = new Option<string>("--site") { Description = "Tumour site, e.g. extremity_lower, trunk, retroperitoneum.", Required = true };
        var surgery = new Option<string>("--surgery-date") { Description = "Date of the primary surgery (YYYY-MM-DD).", Required = true };
        var recurrence = new Option<string?>("--lr-date") { Description = "Date of a local recurrence (YYYY-MM-DD); the plan restarts from it." };
        var rules = RulesOption();
        var json = CommonOptions.Json();
        var command = new Command("schedule", "The visits and exams of one patient's follow-up plan, in date order.")
        {
            grade, site, surgery, recurrence, rules, json,
        };
        command.SetAction(parse =>
        {
            var tumorGrade = SurveillanceInput.ParseGrade(parse.GetValue(grade), "--grade");
            var surgeryDate = SurveillanceInput.ParseDate(parse.GetValue(surgery), "--surgery-date");
            var lrText = parse.GetValue(recurrence);
            DateOnly? lrDate = lrText is null ? null : SurveillanceInput.ParseDate(lrText, "--lr-date");
            var ruleSet = LoadRules(parse.GetValue(rules));
            var siteName = ruleSet.NormalizeSite(parse.GetValue(site), "--site");
            if (lrDate is { } lr && lr < surgeryDate)
            {
                throw new Sarc.Data.DataInputException($"--lr-date {lr:yyyy-MM-dd} is before --surgery-date {surgeryDate:yyyy-MM-dd}.");
            }

            var schedule = new SurveillancePlanner(ruleSet).Schedule(tumorGrade, siteName, surgeryDate, lrDate);
            if (parse.GetValue(json))
            {
                WriteJson(context.Output, schedule, ruleSet);
            }
            else
            {
                WriteTable(context.Output, schedule, ruleSet);
            }

            return SarcApp.Success;
        });
        return command;
    }

    private static Command Rules(CliContext context)
    {
        var rules = RulesOption();
        var command = new Command(
            "rules",
            "Print the built-in rule file to start a center's own from, or check the file given with --rules (exit 2 on the first problem).")
        {
            rules,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(rules) is not { } path)
            {
                context.Output.Write(RuleSet.DefaultText());
                return SarcApp.Success;
            }

            var ruleSet = RuleSet.Load(path);
            context.Output.WriteLine($"{path}: valid; profiles {string.Join(", ", ruleSet.Profiles.Select(p => $"{p.Name} ({p.Visits.Count} visits to month {p.LastMonth})"))}");
            return SarcApp.Success;
        });
        return command;
    }

    private static void WriteJson(TextWriter output, SurveillanceSchedule schedule, RuleSet rules) =>
        JsonOutput.Write(output, writer =>
        {
            writer.WriteString("profile", schedule.Profile);
            WriteStringOrNull(writer, "profile_after_lr", schedule.ProfileAfterLocalRecurrence);
            writer.WriteString("surgery_date", Iso(schedule.SurgeryDate));
            WriteStringOrNull(writer, "lr_date", schedule.LocalRecurrenceDate is { } lr ? Iso(lr) : null);
            writer.WriteString("rules", rules.Source);
            writer.WriteStartArray("visits");
            foreach (var visit in schedule.Visits)
            {
                writer.WriteStartObject();
                writer.WriteString("date", Iso(visit.Date));
                writer.WriteStartArray("exams");
                foreach (var exam in visit.Exams)
                {
                    writer.WriteStringValue(exam);
                }

                writer.WriteEndArray();
                writer.WriteString("profile", visit.Profile);
                writer.WriteNumber("month", visit.Month);
                writer.WriteBoolean("after_lr", visit.AfterLocalRecurrence);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        });

    private static void WriteTable(TextWriter output, SurveillanceSchedule schedule, RuleSet rules)
    {
        var profile = rules.GetProfile(schedule.Profile);
        output.WriteLine($"Profile {profile.Name}: {profile.Description} (rules: {rules.Source})");
        if (schedule.LocalRecurrenceDate is { } lr)
        {
            output.WriteLine($"Local recurrence on {Iso(lr)}: visits after it follow profile {schedule.ProfileAfterLocalRecurrence}, months counted from the recurrence.");
        }

        var table = new TextTable("date", "month", "from", "exams");
        foreach (var visit in schedule.Visits)
        {
            table.AddRow(Iso(visit.Date), visit.Month.ToString(System.Globalization.CultureInfo.InvariantCulture), visit.AfterLocalRecurrence ? "recurrence" : "surgery", string.Join(", ", visit.Exams));
        }

        table.Write(output);
    }

    private static void WriteStringOrNull(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
