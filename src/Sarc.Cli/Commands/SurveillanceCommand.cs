using System.Text.Json;
using Sarc.Registry.Codes;
using Sarc.Registry.Json;
using Sarc.Surveillance;
using Sarc.Surveillance.Calendar;
using Sarc.Surveillance.Rules;

namespace Sarc.Cli.Commands;

/// <summary>
/// <c>sarc surveillance</c>: follow-up schedules after sarcoma surgery from the rule file (the built-in ESMO/NCCN-style
/// defaults, or a center's own with <c>--rules</c>). The due list and the calendar read the registry (<c>--db</c>), or a
/// CSV with the registry template's columns (<c>--data</c>); their logic is <see cref="SurveillancePlanner"/>.
/// </summary>
internal static class SurveillanceCommand
{
    public static Command Create(CliContext context) =>
        new("surveillance", "Risk-adapted follow-up schedules after sarcoma surgery.")
        {
            Schedule(context),
            Due(context),
            Calendar(context),
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
        return CliCommand.Create("schedule", "The visits and exams of one patient's follow-up plan, in date order.", [grade, site, surgery, recurrence, rules, json], parse =>
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
            return CommandOutput.Print(context, "surveillance schedule", parse.GetValue(json), [],
                writer => WriteJson(writer, schedule, ruleSet), output => WriteTable(output, schedule, ruleSet));
        });
    }

    private static Command Due(CliContext context)
    {
        var patients = new SurveillancePatientOptions();
        var asOf = new Option<string>("--as-of") { Description = "The date the list is for (YYYY-MM-DD).", Required = true };
        var within = new Option<int>("--within-days")
        {
            Description = "Also list visits up to this many days after --as-of.",
            DefaultValueFactory = _ => SurveillancePlanner.DefaultWithinDays,
        };
        var center = RegistryOptions.Center("Only this center's patients.");
        var json = CommonOptions.Json();
        return CliCommand.Create("due", "Patients whose next visit is overdue or due within --within-days of --as-of, by date, and apart those lost to follow-up.", [patients.Db, patients.Data, asOf, within, center, patients.Rules, json], parse =>
        {
            var date = SurveillanceInput.ParseDate(parse.GetValue(asOf), "--as-of");
            var days = parse.GetValue(within);
            if (days < 0)
            {
                throw new DataInputException($"--within-days must be 0 or more, found {days}");
            }

            var (ruleSet, list) = patients.Load(parse);
            var worklist = new SurveillancePlanner(ruleSet).Worklist(list, date, days, parse.GetValue(center));
            return CommandOutput.Print(context, "surveillance due", parse.GetValue(json), [],
                writer => DueListJson.WriteProperties(writer, worklist, ruleSet), output => WriteDueTable(output, worklist));
        });
    }

    private static Command Calendar(CliContext context)
    {
        var patients = new SurveillancePatientOptions();
        var from = new Option<string>("--from") { Description = "First day of the window (YYYY-MM-DD).", Required = true };
        var to = new Option<string>("--to") { Description = "Last day of the window (YYYY-MM-DD), included.", Required = true };
        var output = CommonOptions.Out("The iCalendar file to write (.ics); replaced if it exists.");
        var json = CommonOptions.Json();
        return CliCommand.Create("calendar", "Write the pending visits in a date window as an iCalendar (.ics) file a clinic can import.", [patients.Db, patients.Data, from, to, output, patients.Rules, json], parse =>
        {
            var first = SurveillanceInput.ParseDate(parse.GetValue(from), "--from");
            var last = SurveillanceInput.ParseDate(parse.GetValue(to), "--to");
            if (last < first)
            {
                throw new DataInputException($"--to {last:yyyy-MM-dd} is before --from {first:yyyy-MM-dd}");
            }

            var (ruleSet, list) = patients.Load(parse);
            var visits = new SurveillancePlanner(ruleSet).VisitsBetween(list, first, last);
            var path = parse.GetValue(output)!;
            new IcsCalendarWriter(ruleSet).Write(visits, path);
            var patientCount = visits.Select(v => v.PatientId).Distinct(StringComparer.Ordinal).Count();
            return CommandOutput.Print(context, "surveillance calendar", parse.GetValue(json), [],
                writer =>
                {
                    writer.WriteString("out", path);
                    writer.WriteString("from", CellText.Date(first));
                    writer.WriteString("to", CellText.Date(last));
                    writer.WriteNumber("visits", visits.Count);
                    writer.WriteNumber("patients", patientCount);
                },
                text => text.WriteLine($"{path}: {visits.Count} visit{(visits.Count == 1 ? string.Empty : "s")} of {patientCount} patient{(patientCount == 1 ? string.Empty : "s")} from {CellText.Date(first)} to {CellText.Date(last)}"));
        });
    }

    /// <summary>The worklist as readable tables: the due list, overdue visits first (they come first by date), then the patients lost to follow-up.</summary>
    internal static void WriteDueTable(TextWriter output, Worklist worklist)
    {
        var due = worklist.Due;
        var overdue = due.Count(v => v.Status == DueStatus.Overdue);
        output.WriteLine($"{due.Count} patient{(due.Count == 1 ? string.Empty : "s")} to see on {CellText.Date(worklist.AsOf)} or within {worklist.WithinDays} days ({overdue} overdue)");
        if (due.Count > 0)
        {
            var table = new TextTable("patient_id", "center", "next_visit", "status", "last_contact", "profile", "exams");
            foreach (var visit in due)
            {
                table.AddRow(visit.PatientId, visit.Center ?? "", CellText.Date(visit.NextVisit), Status(visit.Status),
                    CellText.Date(visit.LastContact) + (visit.LastContactStatus is { } s ? " " + LastStatus(s) : ""), visit.Profile, string.Join(", ", visit.Exams));
            }

            table.Write(output);
        }

        var lost = worklist.Lost;
        output.WriteLine($"{lost.Count} patient{(lost.Count == 1 ? string.Empty : "s")} lost to follow-up");
        if (lost.Count > 0)
        {
            var table = new TextTable("patient_id", "center", "last_contact");
            foreach (var patient in lost)
            {
                table.AddRow(patient.PatientId, patient.Center ?? "", CellText.Date(patient.LastContact));
            }

            table.Write(output);
        }
    }

    private static string? LastStatus(Sarc.Registry.Domain.FollowUpStatus? status) =>
        status is { } s ? RegistryCodes.FollowUpStatus.Code(s) : null;

    private static string Status(DueStatus status) => status == DueStatus.Overdue ? "overdue" : "due";

    private static Command Rules(CliContext context)
    {
        var rules = RulesOption();
        return CliCommand.Create("rules", "Print the built-in rule file to start a center's own from, or check the file given with --rules (exit 2 on the first problem).", [rules], parse =>
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
    }

    private static void WriteJson(Utf8JsonWriter writer, SurveillanceSchedule schedule, RuleSet rules)
    {
        writer.WriteString("profile", schedule.Profile);
        // A null string is written as JSON null.
        writer.WriteString("profile_after_lr", schedule.ProfileAfterLocalRecurrence);
        writer.WriteString("surgery_date", CellText.Date(schedule.SurgeryDate));
        writer.WriteString("lr_date", schedule.LocalRecurrenceDate is { } lr ? CellText.Date(lr) : null);
        writer.WriteString("rules", rules.Source);
        writer.WriteRecord("visits", schedule.Visits.Select(ScheduleVisitRow.Of));
    }

    private static void WriteTable(TextWriter output, SurveillanceSchedule schedule, RuleSet rules)
    {
        var profile = rules.GetProfile(schedule.Profile);
        output.WriteLine($"Profile {profile.Name}: {profile.Description} (rules: {rules.Source})");
        if (schedule.LocalRecurrenceDate is { } lr)
        {
            output.WriteLine($"Local recurrence on {CellText.Date(lr)}: visits after it follow profile {schedule.ProfileAfterLocalRecurrence}, months counted from the recurrence.");
        }

        var table = new TextTable("date", "month", "from", "exams");
        foreach (var visit in schedule.Visits)
        {
            table.AddRow(CellText.Date(visit.Date), visit.Month.ToString(System.Globalization.CultureInfo.InvariantCulture), visit.AfterLocalRecurrence ? "recurrence" : "surgery", string.Join(", ", visit.Exams));
        }

        table.Write(output);
    }

}
