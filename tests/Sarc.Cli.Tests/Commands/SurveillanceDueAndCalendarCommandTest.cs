namespace Sarc.Cli.Tests.Commands;

public class SurveillanceDueAndCalendarCommandTest
{
    private const string Patients =
        """
        patient_id,grade,site,surgery_date,lr_date,dm_date,death_date,last_followup_date
        P01,3,trunk,2024-01-10,,,,2025-01-10
        P02,3,extremity_lower,2024-03-20,,,,2025-03-20
        P03,1,trunk,2023-07-01,,,,2025-01-01
        P05,3,trunk,2024-01-10,,2025-02-01,,2025-02-01
        P07,2,extremity_upper,2022-01-15,2025-03-01,,,2025-03-01
        """;

    [Fact]
    public void Due_SmallRegistry_ListsPatientsByDateWithStatusAsJson()
    {
        using var file = new TempFile(Patients);
        var data = file.Path;
        var json = CliRun.Of("surveillance", "due", "--data", data, "--as-of", "2025-06-15", "--json").Json();

        var rows = json.GetProperty("patients").EnumerateArray()
            .Select(p => $"{p.GetProperty("patient_id").GetString()} {p.GetProperty("next_visit").GetString()} {p.GetProperty("status").GetString()} {p.GetProperty("profile").GetString()}")
            .ToArray();
        // P05 has a distant metastasis; P07's recurrence restarted the plan (LR + 3 months).
        Assert.Equal(["P01 2025-04-10 overdue high", "P07 2025-06-01 overdue high", "P02 2025-06-20 due high", "P03 2025-07-01 due low"], rows);
        Assert.Equal(30, json.GetProperty("within_days").GetInt32());
        Assert.Equal(["clinical", "chest_ct", "mri_primary"], json.GetProperty("patients")[3].GetProperty("exams").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Due_WithinDaysZero_ListsOnlyOverdue()
    {
        using var file = new TempFile(Patients);
        var data = file.Path;
        var run = CliRun.Of("surveillance", "due", "--data", data, "--as-of", "2025-06-15", "--within-days", "0");
        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("2 patients to see on 2025-06-15 or within 0 days (2 overdue)", lines[0]);
        Assert.Equal("P01         2025-04-10  overdue  high     clinical, chest_ct", lines[3]);
    }

    [Theory]
    [InlineData("--as-of", "2025-13-01", "--as-of: '2025-13-01' is not a date")]
    [InlineData("--within-days", "-1", "--within-days must be 0 or more")]
    public void Due_BadOption_IsAOneLineUserError(string option, string value, string message)
    {
        using var file = new TempFile(Patients);
        var data = file.Path;
        var args = new List<string> { "surveillance", "due", "--data", data, "--as-of", "2025-06-15" };
        var at = args.IndexOf(option);
        if (at >= 0)
        {
            args[at + 1] = value;
        }
        else
        {
            args.AddRange([option, value]);
        }

        CliRun.Of([.. args]).AssertUserError(message);
    }

    [Fact]
    public void Due_BadPatientRow_NamesFileAndLine()
    {
        using var file = new TempFile(Patients.Replace("P02,3,extremity_lower", "P02,4,extremity_lower", StringComparison.Ordinal));
        var data = file.Path;
        CliRun.Of("surveillance", "due", "--data", data, "--as-of", "2025-06-15").AssertUserError($"{data}:3: column grade: unknown grade '4'");
    }

    [Fact]
    public void Calendar_Window_WritesAnIcsFileWithOneEventPerPendingVisit()
    {
        using var file = new TempFile(Patients);
        using var ics = new TempFile(string.Empty, ".ics");
        var run = CliRun.Of("surveillance", "calendar", "--data", file.Path, "--from", "2025-06-01", "--to", "2025-07-15", "--out", ics.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"{ics.Path}: 4 visits of 4 patients from 2025-06-01 to 2025-07-15", run.Output.TrimEnd());
        var events = Ical.Net.Calendar.Load(File.ReadAllText(ics.Path))!.Events;
        Assert.Equal(
            ["P01-20250710@sarc-surveillance", "P02-20250620@sarc-surveillance", "P03-20250701@sarc-surveillance", "P07-20250601@sarc-surveillance"],
            events.Select(e => e.Uid).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Calendar_WindowEndingBeforeItStarts_IsAUserError()
    {
        using var file = new TempFile(Patients);
        var data = file.Path;
        CliRun.Of("surveillance", "calendar", "--data", data, "--from", "2025-06-01", "--to", "2025-05-01", "--out", "x.ics")
            .AssertUserError("--to 2025-05-01 is before --from 2025-06-01");
    }

    [Fact]
    public void Due_FromTheRegistryDatabase_ListsTheSamePatientsAsFromTheCsv()
    {
        var directory = Directory.CreateTempSubdirectory("sarc-cli-surveillance-").FullName;
        try
        {
            // The registry template needs more columns than the planner; the values the planner uses are those of Patients.
            var template = Path.Combine(directory, "registry.csv");
            File.WriteAllText(template,
                """
                patient_id,center,sex,birth_date,diagnosis_date,histology,site,grade,surgery_date,margin,last_followup_date,lr_date,dm_date,death_date
                P01,A,F,1960-05-01,2023-12-01,8890/3,trunk,3,2024-01-10,R0,2025-01-10,,,
                P02,A,M,1970-05-01,2024-03-01,8890/3,extremity_lower,3,2024-03-20,R0,2025-03-20,,,
                P03,B,F,1955-05-01,2023-06-01,8850/3,trunk,1,2023-07-01,R1,2025-01-01,,,
                P05,A,M,1960-05-01,2023-12-01,8890/3,trunk,3,2024-01-10,R0,2025-02-01,,2025-02-01,
                P07,B,M,1980-05-01,2021-12-20,9040/3,extremity_upper,2,2022-01-15,R0,2025-03-01,2025-03-01,,
                """);
            var db = Path.Combine(directory, "r.db");
            var import = CliRun.Of("import", "--db", db, template);
            Assert.True(import.ExitCode == 0, import.Error);
            using var csv = new TempFile(Patients);

            var fromDb = CliRun.Of("surveillance", "due", "--db", db, "--as-of", "2025-06-15", "--json");
            var fromCsv = CliRun.Of("surveillance", "due", "--data", csv.Path, "--as-of", "2025-06-15", "--json");

            Assert.Equal(0, fromDb.ExitCode);
            Assert.Equal(fromCsv.Output, fromDb.Output);
            Assert.Equal(4, fromDb.Json().GetProperty("patients").GetArrayLength());

            var ics = Path.Combine(directory, "out.ics");
            var calendar = CliRun.Of("surveillance", "calendar", "--db", db, "--from", "2025-06-01", "--to", "2025-07-15", "--out", ics);
            Assert.Equal($"{ics}: 4 visits of 4 patients from 2025-06-01 to 2025-07-15", calendar.Output.TrimEnd());
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Due_MissingDatabaseFile_IsAUserErrorAndCreatesNothing()
    {
        var db = Path.Combine(Path.GetTempPath(), $"sarc-no-such-{Guid.NewGuid():N}.db");

        CliRun.Of("surveillance", "due", "--db", db, "--as-of", "2025-06-15").AssertUserError($"database '{db}' does not exist (sarc import creates one)");

        Assert.False(File.Exists(db));
    }
}
