using System.Text.Json;
using Sarc.Registry.Codes;
using Sarc.Surveillance.Rules;

namespace Sarc.Surveillance;

/// <summary>
/// The one JSON shape of a due list, written by <c>sarc surveillance due --json</c> and by the web API's
/// <c>GET /api/surveillance/due</c>: <c>"as_of"</c>, <c>"within_days"</c>, <c>"rules"</c> (the rule file's
/// <see cref="RuleSet.Source"/>), <c>"patients"</c>, one object per patient in the list's order with
/// <c>"patient_id"</c>, <c>"center"</c>, <c>"next_visit"</c> (ISO date), <c>"status"</c> (<c>overdue</c> | <c>due</c>),
/// <c>"exams"</c>, <c>"profile"</c>, <c>"last_contact"</c> and <c>"last_status"</c> (the registry's follow-up status
/// code, or null), and <c>"lost"</c>, the patients lost to follow-up (<c>"patient_id"</c>, <c>"center"</c>,
/// <c>"last_contact"</c>).
/// </summary>
public static class DueListJson
{
    /// <summary>Writes the worklist's properties into the JSON object <paramref name="writer"/> has open.</summary>
    public static void WriteProperties(Utf8JsonWriter writer, Worklist worklist, RuleSet rules)
    {
        writer.WriteString("as_of", CellText.Date(worklist.AsOf));
        writer.WriteNumber("within_days", worklist.WithinDays);
        writer.WriteString("rules", rules.Source);
        writer.WriteStartArray("patients");
        foreach (var visit in worklist.Due)
        {
            writer.WriteStartObject();
            writer.WriteString("patient_id", visit.PatientId);
            writer.WriteString("center", visit.Center);
            writer.WriteString("next_visit", CellText.Date(visit.NextVisit));
            writer.WriteString("status", visit.Status == DueStatus.Overdue ? "overdue" : "due");
            writer.WriteStartArray("exams");
            foreach (var exam in visit.Exams)
            {
                writer.WriteStringValue(exam);
            }
            writer.WriteEndArray();
            writer.WriteString("profile", visit.Profile);
            writer.WriteString("last_contact", CellText.Date(visit.LastContact));
            writer.WriteString("last_status", visit.LastContactStatus is { } s ? RegistryCodes.FollowUpStatus.Code(s) : null);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteStartArray("lost");
        foreach (var patient in worklist.Lost)
        {
            writer.WriteStartObject();
            writer.WriteString("patient_id", patient.PatientId);
            writer.WriteString("center", patient.Center);
            writer.WriteString("last_contact", CellText.Date(patient.LastContact));
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    /// <summary>Writes a due list without its lost patients (an empty <c>"lost"</c>) in the same shape.</summary>
    public static void WriteProperties(Utf8JsonWriter writer, IReadOnlyList<DueVisit> due, DateOnly asOf, int withinDays, RuleSet rules) =>
        WriteProperties(writer, new Worklist(asOf, withinDays, due, []), rules);

}
