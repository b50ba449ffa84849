using Sarc.Surveillance.Calendar;
using Sarc.Surveillance.Rules;
using static Sarc.Surveillance.Tests.SmallRegistry;

namespace Sarc.Surveillance.Tests.Calendar;

public class IcsCalendarWriterTest
{
    private static readonly FixedClock Clock = new(new DateTimeOffset(2025, 6, 1, 8, 30, 15, 250, TimeSpan.Zero));

    private static IReadOnlyList<PatientVisit> Visits() =>
        new SurveillancePlanner(RuleSet.Default).VisitsBetween(Patients, D("2025-06-01"), D("2025-07-15"));

    [Fact]
    public void ToIcs_Visits_ReadBackAsAllDayEventsWithTheirDatesAndPatients()
    {
        var text = new IcsCalendarWriter(RuleSet.Default, Clock).ToIcs(Visits());

        var calendar = Ical.Net.Calendar.Load(text)!;
        var events = calendar.Events.OrderBy(e => e.DtStart!.Date).ThenBy(e => e.Uid, StringComparer.Ordinal).ToArray();
        Assert.Equal(7, events.Length);
        Assert.All(events, e => Assert.False(e.DtStart!.HasTime));
        Assert.Equal(
            [D("2025-06-01"), D("2025-06-15"), D("2025-06-20"), D("2025-07-01"), D("2025-07-10"), D("2025-07-15"), D("2025-07-15")],
            events.Select(e => e.DtStart!.Date));
        Assert.Equal("P07-20250601@sarc-surveillance", events[0].Uid);
        Assert.Equal("Sarcoma follow-up P03: clinical, chest_ct, mri_primary", events[3].Summary);
        Assert.Equal(
            "Profile low, month 24 after surgery. Exams: Clinical examination; CT of the chest; MRI of the primary tumour site.",
            events[3].Description);
        Assert.Equal("Profile high, month 3 after local recurrence. Exams: Clinical examination; CT of the chest.", events[0].Description);
        Assert.Equal(D("2025-06-02"), events[0].DtEnd!.Date);
    }

    [Fact]
    public void ToIcs_Stamp_ComesFromTheInjectedClockInUtcWholeSeconds()
    {
        var text = new IcsCalendarWriter(RuleSet.Default, Clock).ToIcs(Visits());

        Assert.Contains("DTSTAMP:20250601T083015Z", text, StringComparison.Ordinal);
        Assert.Contains("PRODID:" + IcsCalendarWriter.ProductId, text, StringComparison.Ordinal);
        Assert.Contains("DTSTART;VALUE=DATE:20250601", text, StringComparison.Ordinal);
        Assert.Contains("\r\n", text, StringComparison.Ordinal); // RFC 5545 line ends
    }

    [Fact]
    public void ToIcs_SameVisitsTwice_GivesTheSameText()
    {
        // Reproducible files: a clinic can diff this week's export against last week's.
        var writer = new IcsCalendarWriter(RuleSet.Default, Clock);
        Assert.Equal(writer.ToIcs(Visits()), writer.ToIcs(Visits()));
    }

    [Fact]
    public void ToIcs_NoVisits_IsAValidEmptyCalendar()
    {
        var text = new IcsCalendarWriter(RuleSet.Default, Clock).ToIcs([]);
        Assert.Empty(Ical.Net.Calendar.Load(text)!.Events);
    }

    [Fact]
    public void Write_ToAFile_WritesTheSameText()
    {
        var writer = new IcsCalendarWriter(RuleSet.Default, Clock);
        var path = Path.Combine(Path.GetTempPath(), $"sarc-{Guid.NewGuid():N}.ics");
        try
        {
            writer.Write(Visits(), path);
            Assert.Equal(writer.ToIcs(Visits()), File.ReadAllText(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Write_ToAMissingFolder_IsAUserErrorNamingThePath()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sarc-no-such-{Guid.NewGuid():N}", "out.ics");
        var e = Assert.Throws<Sarc.Data.DataInputException>(() => new IcsCalendarWriter(RuleSet.Default, Clock).Write(Visits(), path));
        Assert.StartsWith(path + ": cannot write the calendar", e.Message, StringComparison.Ordinal);
    }
}
