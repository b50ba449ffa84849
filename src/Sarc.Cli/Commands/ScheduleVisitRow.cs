using Sarc.Registry.Codes;
using Sarc.Surveillance;

namespace Sarc.Cli.Commands;

/// <summary>
/// One visit of <c>sarc surveillance schedule --json</c> (docs/surveillance.md), written whole through
/// <see cref="Sarc.Registry.Json.SarcJson.Records"/>: its date (YYYY-MM-DD), exams, profile, month from surgery or from
/// the local recurrence, and whether it follows the recurrence.
/// </summary>
internal sealed record ScheduleVisitRow(string Date, IReadOnlyList<string> Exams, string Profile, int Month, bool AfterLr)
{
    public static ScheduleVisitRow Of(ScheduledVisit visit) =>
        new(CellText.Date(visit.Date), visit.Exams, visit.Profile, visit.Month, visit.AfterLocalRecurrence);
}
