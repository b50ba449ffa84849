using Sarc.Data;
using Sarc.Data.Csv;
using Sarc.Data.Tables;
using Sarc.Surveillance.Rules;

namespace Sarc.Surveillance;

/// <summary>
/// Reads <see cref="SurveillancePatient"/>s from a table with the registry template's column names, so a registry
/// export (or a small hand-made CSV) can feed the due list and the calendar: <c>patient_id, grade, site,
/// surgery_date, last_followup_date</c> required in every row; <c>lr_date, dm_date, death_date</c> optional columns,
/// empty or <c>NA</c> when the event did not happen; optional <c>center</c>, and <c>last_status</c> (the registry's
/// follow-up status code of the last contact: <c>ned</c>, <c>awd</c> or <c>lost</c>). Other columns are ignored.
/// Dates are <c>YYYY-MM-DD</c>.
/// </summary>
public static class SurveillancePatientTable
{
    private static readonly string[] Required = ["patient_id", "grade", "site", "surgery_date", "last_followup_date"];

    /// <summary>Reads a CSV file (see <see cref="CsvTableReader"/>).</summary>
    /// <exception cref="DataInputException">The file cannot be read, or a row is wrong (see <see cref="Read(DataFrame, RuleSet)"/>).</exception>
    public static IReadOnlyList<SurveillancePatient> ReadCsv(string path, RuleSet rules) => Read(CsvTableReader.Read(path), rules);

    /// <summary>The patients of <paramref name="frame"/>, in row order, with sites spelled as <paramref name="rules"/> spell them.</summary>
    /// <exception cref="DataInputException">A required column is absent; or, naming the file and line, a required cell is
    /// empty, a grade, site or date is not valid, a local recurrence or the last follow-up is before surgery, or a
    /// patient id is repeated.</exception>
    public static IReadOnlyList<SurveillancePatient> Read(DataFrame frame, RuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(rules);
        foreach (var name in Required)
        {
            frame.Column(name);
        }

        var id = frame.Column("patient_id");
        var grade = frame.Column("grade");
        var site = frame.Column("site");
        var surgery = frame.Column("surgery_date");
        var lastFollowUp = frame.Column("last_followup_date");
        var lr = frame.HasColumn("lr_date") ? frame.Column("lr_date") : null;
        var dm = frame.HasColumn("dm_date") ? frame.Column("dm_date") : null;
        var death = frame.HasColumn("death_date") ? frame.Column("death_date") : null;
        var center = frame.HasColumn("center") ? frame.Column("center") : null;
        var status = frame.HasColumn("last_status") ? frame.Column("last_status") : null;

        var patients = new List<SurveillancePatient>(frame.RowCount);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var row = 0; row < frame.RowCount; row++)
        {
            var where = $"{frame.Source}:{frame.LineNumbers[row]}";
            var patientId = RequiredText(id, row, where);
            if (!seen.TryAdd(patientId, frame.LineNumbers[row]))
            {
                throw new DataInputException($"{where}: patient_id '{patientId}' is also on line {seen[patientId]}.");
            }

            var patient = new SurveillancePatient(
                patientId,
                SurveillanceInput.ParseGrade(RequiredText(grade, row, where), $"{where}: column grade"),
                rules.NormalizeSite(RequiredText(site, row, where), $"{where}: column site"),
                Date(surgery, row, where)!.Value,
                Date(lr, row, where),
                Date(dm, row, where),
                Date(death, row, where),
                Date(lastFollowUp, row, where)!.Value,
                center?.TextAt(row)?.Trim(),
                Status(status, row, where));
            if (patient.LocalRecurrenceDate is { } recurrence && recurrence < patient.SurgeryDate)
            {
                throw new DataInputException($"{where}: lr_date {recurrence:yyyy-MM-dd} is before surgery_date {patient.SurgeryDate:yyyy-MM-dd}.");
            }

            if (patient.LastFollowUpDate < patient.SurgeryDate)
            {
                throw new DataInputException($"{where}: last_followup_date {patient.LastFollowUpDate:yyyy-MM-dd} is before surgery_date {patient.SurgeryDate:yyyy-MM-dd}.");
            }

            patients.Add(patient);
        }

        return patients.AsReadOnly();
    }

    private static Sarc.Registry.Domain.FollowUpStatus? Status(DataColumn? column, int row, string where)
    {
        if (column?.TextAt(row)?.Trim() is not { Length: > 0 } text)
        {
            return null;
        }

        var codes = Sarc.Registry.Codes.RegistryCodes.FollowUpStatus;
        return codes.TryParse(text, out var value)
            ? value
            : throw new DataInputException($"{where}: column last_status: {codes.NotOneOf(text)}.");
    }

    private static string RequiredText(DataColumn column, int row, string where) =>
        column.TextAt(row) is { Length: > 0 } text
            ? text.Trim()
            : throw new DataInputException($"{where}: column {column.Name} is empty; it is required in every row.");

    // Required date columns come through here too: RequiredText first, so an empty one says so instead of "not a date".
    private static DateOnly? Date(DataColumn? column, int row, string where)
    {
        if (column is null)
        {
            return null;
        }

        var required = column.Name is "surgery_date" or "last_followup_date";
        var text = required ? RequiredText(column, row, where) : column.TextAt(row);
        return text is null ? null : SurveillanceInput.ParseDate(text, $"{where}: column {column.Name}");
    }
}
