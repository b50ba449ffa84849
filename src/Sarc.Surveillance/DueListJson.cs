using System.Text.Json;
using Sarc.Registry.Codes;
using Sarc.Registry.Json;
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
        writer.WriteRecord("patients", worklist.Due.Select(v => new DueRow(v.PatientId, v.Center, CellText.Date(v.NextVisit),
            v.Status == DueStatus.Overdue ? "overdue" : "due", v.Exams, v.Profile, CellText.Date(v.LastContact),
            v.LastContactStatus is { } s ? RegistryCodes.FollowUpStatus.Code(s) : null)));
        writer.WriteRecord("lost", worklist.Lost.Select(p => new LostRow(p.PatientId, p.Center, CellText.Date(p.LastContact))));
    }

    /// <summary>Writes a due list without its lost patients (an empty <c>"lost"</c>) in the same shape.</summary>
    public static void WriteProperties(Utf8JsonWriter writer, IReadOnlyList<DueVisit> due, DateOnly asOf, int withinDays, RuleSet rules) =>
        WriteProperties(writer, new Worklist(asOf, withinDays, due, []), rules);

    /// <summary>One patient of <c>"patients"</c>, its properties in output order.</summary>
    private sealed record DueRow(string PatientId, string? Center, string NextVisit, string Status, IReadOnlyList<string> Exams, string Profile,
        string LastContact, string? LastStatus);

    /// <summary>One patient of <c>"lost"</c>.</summary>
    private sealed record LostRow(string PatientId, string? Center, string LastContact);
}
