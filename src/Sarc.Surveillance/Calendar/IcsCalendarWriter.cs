using System.Globalization;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Sarc.Surveillance.Rules;

namespace Sarc.Surveillance.Calendar;

/// <summary>
/// Writes surveillance visits as an iCalendar (RFC 5545) file with Ical.Net, one all-day event per visit, so a clinic
/// can import them into its calendar. Each event's UID is built from the patient id and the visit date, so importing an
/// updated file again replaces events instead of duplicating them. The DTSTAMP comes from the injected clock.
/// </summary>
public sealed class IcsCalendarWriter
{
    /// <summary>The calendar's PRODID.</summary>
    public const string ProductId = "-//Sarc//Surveillance//EN";

    private readonly RuleSet rules;
    private readonly TimeProvider clock;

    /// <summary>A writer that describes exams with the texts of <paramref name="rules"/>.</summary>
    /// <param name="rules">Where exam descriptions come from.</param>
    /// <param name="clock">The clock for DTSTAMP (<see cref="TimeProvider.System"/> when null).</param>
    public IcsCalendarWriter(RuleSet rules, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        this.rules = rules;
        this.clock = clock ?? TimeProvider.System;
    }

    /// <summary>The iCalendar text of the visits (CRLF line ends, as RFC 5545 requires).</summary>
    public string ToIcs(IEnumerable<PatientVisit> visits)
    {
        ArgumentNullException.ThrowIfNull(visits);
        var now = clock.GetUtcNow().UtcDateTime;
        var stamp = new CalDateTime(now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond)), CalDateTime.UtcTzId);
        var calendar = new Ical.Net.Calendar { ProductId = ProductId };
        calendar.AddProperty("X-WR-CALNAME", "Sarcoma surveillance");
        foreach (var (patientId, visit) in visits)
        {
            var start = new CalDateTime(visit.Date);
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{patientId}-{visit.Date.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}@sarc-surveillance",
                DtStamp = stamp,
                DtStart = start,
                DtEnd = new CalDateTime(visit.Date.AddDays(1)),
                Summary = $"Sarcoma follow-up {patientId}: {string.Join(", ", visit.Exams)}",
                Description = Describe(visit),
                Categories = ["sarcoma surveillance", visit.Profile],
            });
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
    }

    /// <summary>Writes the iCalendar text of the visits to a file, replacing it.</summary>
    /// <exception cref="Sarc.Data.DataInputException">The file cannot be written.</exception>
    public void Write(IEnumerable<PatientVisit> visits, string path)
    {
        var text = ToIcs(visits);
        try
        {
            File.WriteAllText(path, text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new Sarc.Data.DataInputException($"{path}: cannot write the calendar ({e.Message.TrimEnd('.')}).");
        }
    }

    private string Describe(ScheduledVisit visit)
    {
        var start = visit.AfterLocalRecurrence ? "local recurrence" : "surgery";
        var exams = visit.Exams.Select(e => rules.Exams.FirstOrDefault(d => d.Name == e)?.Description ?? e);
        return $"Profile {visit.Profile}, month {visit.Month} after {start}. Exams: {string.Join("; ", exams)}.";
    }
}
