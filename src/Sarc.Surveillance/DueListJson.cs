using System.Globalization;
using System.Text.Json;
using Sarc.Surveillance.Rules;

namespace Sarc.Surveillance;

/// <summary>
/// The one JSON shape of a due list, written by <c>sarc surveillance due --json</c> and by the web API's
/// <c>GET /api/surveillance/due</c>: <c>"as_of"</c>, <c>"within_days"</c>, <c>"rules"</c> (the rule file's
/// <see cref="RuleSet.Source"/>) and <c>"patients"</c>, one object per patient in the list's order with
/// <c>"patient_id"</c>, <c>"next_visit"</c> (ISO date), <c>"status"</c> (<c>overdue</c> | <c>due</c>),
/// <c>"exams"</c> and <c>"profile"</c>.
/// </summary>
public static class DueListJson
{
    /// <summary>Writes the due list's properties into the JSON object <paramref name="writer"/> has open.</summary>
    public static void WriteProperties(Utf8JsonWriter writer, IReadOnlyList<DueVisit> due, DateOnly asOf, int withinDays, RuleSet rules)
    {
        writer.WriteString("as_of", Iso(asOf));
        writer.WriteNumber("within_days", withinDays);
        writer.WriteString("rules", rules.Source);
        writer.WriteStartArray("patients");
        foreach (var visit in due)
        {
            writer.WriteStartObject();
            writer.WriteString("patient_id", visit.PatientId);
            writer.WriteString("next_visit", Iso(visit.NextVisit));
            writer.WriteString("status", visit.Status == DueStatus.Overdue ? "overdue" : "due");
            writer.WriteStartArray("exams");
            foreach (var exam in visit.Exams)
            {
                writer.WriteStringValue(exam);
            }
            writer.WriteEndArray();
            writer.WriteString("profile", visit.Profile);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
