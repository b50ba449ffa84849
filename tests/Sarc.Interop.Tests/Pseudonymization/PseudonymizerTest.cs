using System.Text;
using Sarc.Interop.Pseudonymization;
using Sarc.Registry;
using Sarc.Registry.Endpoints;
using Sarc.Registry.Storage;

namespace Sarc.Interop.Tests.Pseudonymization;

public sealed class PseudonymizerTest
{
    private static readonly PseudonymKey Key = new(Encoding.ASCII.GetBytes("0123456789abcdef0123456789abcdef-test-key"));

    [Fact]
    public void Export_ImportedIntoNewRegistry_GivesEveryPatientTheSameEndpointTimesAndEvents()
    {
        using var temp = TestRegistry.Temp();
        var original = TestRegistry.Load(TestRegistry.Synthetic(temp.Path, 300));
        Pseudonymizer.Apply(original, Key, keepText: false).WriteFolder(temp.File("pseudo"));
        using var store = RegistryStore.Open(temp.File("pseudo.db"));
        var imported = RegistryImporter.ImportFile(store, temp.File("pseudo"), update: false, TestRegistry.Tester, TestRegistry.AsOf);
        Assert.True(imported.Succeeded, string.Join("\n", imported.Errors.Take(5)));
        AssertSameEndpoints(original, store.LoadPatients(), Key);
    }

    /// <summary>Every endpoint table's leading columns (id, time, event ...) of <paramref name="pseudo"/> equal those of <paramref name="original"/> under the pseudonyms.</summary>
    internal static void AssertSameEndpoints(IReadOnlyList<Sarc.Registry.Domain.PatientRecord> original, IReadOnlyList<Sarc.Registry.Domain.PatientRecord> pseudo, PseudonymKey key)
    {
        var pseudonymOf = original.ToDictionary(r => r.Id, r => key.Pseudonym(r.Id));
        foreach (var kind in EndpointNames.SingleRow.Append(EndpointKind.Multistate))
        {
            var before = Leading(EndpointEngine.Table(original, kind), id => pseudonymOf[id]);
            var after = Leading(EndpointEngine.Table(pseudo, kind), id => id);
            Assert.True(before.Count > 0, $"{kind}: no rows");
            Assert.Equal(before, after);
        }
    }

    [Fact]
    public void Export_NoOriginalIdOrFullBirthDateAppearsInAnyFile()
    {
        using var temp = TestRegistry.Temp();
        var original = TestRegistry.Load(TestRegistry.Synthetic(temp.Path, 300));
        Pseudonymizer.Apply(original, Key, keepText: false).WriteFolder(temp.File("pseudo"));
        var text = string.Concat(Directory.GetFiles(temp.File("pseudo")).Select(File.ReadAllText));

        foreach (var record in original)
        {
            Assert.DoesNotContain(record.Id, text, StringComparison.Ordinal);
            Assert.DoesNotContain(record.Patient.BirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
        }
        // The synthetic regimens are free text: gone unless kept.
        Assert.Contains(original, r => r.Systemic.Any(l => l.Regimen is not null));
        Assert.All(original.SelectMany(r => r.Systemic).Where(l => l.Regimen is not null), l => Assert.DoesNotContain(l.Regimen!, text, StringComparison.Ordinal));
    }

    [Fact]
    public void Apply_ShiftsEveryDateOfAPatientByTheSameDaysAndKeepsTheYearOrNinetyPlus()
    {
        using var temp = TestRegistry.Temp();
        var original = TestRegistry.Load(TestRegistry.Synthetic(temp.Path, 300));
        var result = Pseudonymizer.Apply(original, Key, keepText: true);
        var byId = result.Records.ToDictionary(r => r.Id);
        var shifts = new HashSet<int>();
        var over89 = 0;

        foreach (var r in original)
        {
            var p = byId[Key.Pseudonym(r.Id)];
            var days = Key.ShiftDays(r.Id);
            shifts.Add(days);
            Assert.InRange(days, -180, 180);
            Assert.Equal(r.Tumor.DiagnosisDate.AddDays(days), p.Tumor.DiagnosisDate);
            Assert.Equal(r.Surgeries.Select(s => s.Date.AddDays(days)), p.Surgeries.Select(s => s.Date));
            Assert.Equal(r.Events.Select(e => e.Date.AddDays(days)), p.Events.Select(e => e.Date));
            Assert.Equal(r.FollowUps.Select(f => f.Date.AddDays(days)), p.FollowUps.Select(f => f.Date));
            Assert.Equal(r.Radiotherapy.Select(c => c.EndDate?.AddDays(days)), p.Radiotherapy.Select(c => c.EndDate));
            Assert.Equal(r.Systemic.Select(l => l.Regimen), p.Systemic.Select(l => l.Regimen));
            var birth = result.PatientCells(p)[3];
            if (Pseudonymizer.AgeInYears(r.Patient.BirthDate, r.LastContact) >= 90)
            {
                over89++;
                Assert.Equal("90+", birth);
            }
            else
            {
                Assert.Equal(r.Patient.BirthDate.AddDays(days).Year.ToString(System.Globalization.CultureInfo.InvariantCulture), birth);
            }
        }
        Assert.True(shifts.Count > 100, "the shifts should differ between patients");
        Assert.True(over89 > 0, "the synthetic registry should hold patients older than 89");
    }

    [Fact]
    public void Pseudonym_SameKeySameIdAlwaysTheSame_OtherKeyOtherPseudonym()
    {
        var other = new PseudonymKey(Encoding.ASCII.GetBytes("another key of at least thirty-two bytes!"));

        Assert.Equal(Key.Pseudonym("P000001"), new PseudonymKey(Encoding.ASCII.GetBytes("0123456789abcdef0123456789abcdef-test-key")).Pseudonym("P000001"));
        Assert.NotEqual(Key.Pseudonym("P000001"), Key.Pseudonym("P000002"));
        Assert.NotEqual(Key.Pseudonym("P000001"), other.Pseudonym("P000001"));
        Assert.Matches("^[A-Z2-7]{16}$", Key.Pseudonym("P000001"));
    }

    [Theory]
    [InlineData("2000-06-15", "2090-06-14", 89)] // the day before the 90th birthday
    [InlineData("2000-06-15", "2090-06-15", 90)]
    [InlineData("2000-02-29", "2001-02-28", 0)] // a leap-day birthday comes on 1 March
    public void AgeInYears_CountsTheBirthdayOnTheDay(string birth, string date, int age) =>
        Assert.Equal(age, Pseudonymizer.AgeInYears(DateOnly.Parse(birth), DateOnly.Parse(date)));

    private static List<string> Leading(EndpointTable table, Func<string, string> id)
    {
        var leading = EndpointEngine.LeadingColumns(table.Kind).Count;
        return [.. table.Rows.Select(r => string.Join(",", r.Take(leading).Select((c, i) => i == 0 ? id(c) : c))).Order(StringComparer.Ordinal)];
    }
}
