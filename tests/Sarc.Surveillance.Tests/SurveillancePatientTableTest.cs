using Sarc.Data;
using Sarc.Surveillance.Rules;

namespace Sarc.Surveillance.Tests;

public class SurveillancePatientTableTest
{
    private const string Header = "patient_id,center,grade,site,surgery_date,lr_date,dm_date,death_date,last_followup_date";

    private static IReadOnlyList<SurveillancePatient> ReadLines(params string[] lines)
    {
        var path = Path.Combine(Path.GetTempPath(), $"sarc-patients-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, string.Join('\n', lines) + "\n");
        try
        {
            return SurveillancePatientTable.ReadCsv(path, RuleSet.Default);
        }
        catch (DataInputException e)
        {
            // Tests compare messages without the random temporary path.
            throw new DataInputException(e.Message.Replace(path, "patients.csv", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ReadCsv_RegistryTemplateColumns_GivesPatientsInRowOrder()
    {
        var patients = ReadLines(
            Header,
            "P01,A,3,Trunk,2024-01-10,,,,2025-01-10",
            "P02,B,X,retroperitoneum,2020-02-29,2021-03-01,2022-04-02,2023-05-03,2023-05-03");

        Assert.Equal(
            new SurveillancePatient("P01", TumorGrade.G3, "trunk", new(2024, 1, 10), null, null, null, new(2025, 1, 10), "A"),
            patients[0]);
        Assert.Equal(
            new SurveillancePatient("P02", TumorGrade.GX, "retroperitoneum", new(2020, 2, 29), new(2021, 3, 1), new(2022, 4, 2), new(2023, 5, 3), new(2023, 5, 3), "B"),
            patients[1]);
    }

    [Fact]
    public void ReadCsv_NumericGradeColumnAndNoOptionalColumns_IsRead()
    {
        // A grade column of only 1/2/3 is read as numbers by the CSV reader; event columns may be left out entirely.
        var patients = ReadLines("patient_id,grade,site,surgery_date,last_followup_date", "7,1,trunk,2024-01-10,2024-01-10");

        var patient = Assert.Single(patients);
        Assert.Equal("7", patient.PatientId);
        Assert.Equal(TumorGrade.G1, patient.Grade);
        Assert.Null(patient.LocalRecurrenceDate);
    }

    [Theory]
    [InlineData("P01,A,4,trunk,2024-01-10,,,,2025-01-10", "patients.csv:2: column grade: unknown grade '4'; expected 1, 2, 3 or X.")]
    [InlineData("P01,A,3,lung,2024-01-10,,,,2025-01-10", "patients.csv:2: column site: unknown site 'lung'")]
    [InlineData("P01,A,3,trunk,2024-02-30,,,,2025-01-10", "patients.csv:2: column surgery_date: '2024-02-30' is not a date")]
    [InlineData("P01,A,3,trunk,2024-01-10,10/03/2024,,,2025-01-10", "patients.csv:2: column lr_date: '10/03/2024' is not a date")]
    [InlineData("P01,A,3,trunk,2024-01-10,2023-12-01,,,2025-01-10", "patients.csv:2: lr_date 2023-12-01 is before surgery_date 2024-01-10.")]
    [InlineData("P01,A,3,trunk,2024-01-10,,,,2023-01-10", "patients.csv:2: last_followup_date 2023-01-10 is before surgery_date 2024-01-10.")]
    [InlineData("P01,A,3,trunk,,,,,2025-01-10", "patients.csv:2: column surgery_date is empty; it is required in every row.")]
    [InlineData(",A,3,trunk,2024-01-10,,,,2025-01-10", "patients.csv:2: column patient_id is empty")]
    public void ReadCsv_BadRow_IsAOneLineErrorNamingFileAndLine(string row, string message)
    {
        var e = Assert.Throws<DataInputException>(() => ReadLines(Header, row));
        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadCsv_RepeatedPatient_NamesBothLines()
    {
        var e = Assert.Throws<DataInputException>(() => ReadLines(Header, "P01,A,3,trunk,2024-01-10,,,,2025-01-10", "P01,A,3,trunk,2024-01-10,,,,2025-01-10"));
        Assert.Equal("patients.csv:3: patient_id 'P01' is also on line 2.", e.Message);
    }

    [Fact]
    public void ReadCsv_MissingRequiredColumn_ListsTheColumns()
    {
        var e = Assert.Throws<DataInputException>(() => ReadLines("patient_id,grade,site,surgery_date", "P01,3,trunk,2024-01-10"));
        Assert.Contains("column 'last_followup_date' not found", e.Message, StringComparison.Ordinal);
    }
}
