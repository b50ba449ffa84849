using System.Globalization;
using System.Text;

namespace Sarc.Testing;

/// <summary>
/// A valid long-format registry (the six CSV files of docs/formats.md) of <c>n</c> synthetic patients from a fixed
/// seed: the same files every time, about six list entries per patient, with what the endpoint rules must get right —
/// repeated recurrences and metastases, metastases on or before the primary surgery and the metastatic-at-diagnosis
/// flag, same-day events, metastasectomies with lesions and Clavien-Dindo grades, recurrence resections, re-excisions,
/// courses to a metastasis, systemic lines near a metastasectomy, deaths, follow-up contacts with every status (lost
/// among them), and every optional cell sometimes empty. Used by the registry tests, the R validation
/// (validation/registry_endpoints.R reads <c>validation/data/registry_long</c>) and the benchmark.
/// </summary>
public static class SyntheticLongRegistry
{
    /// <summary>The file names in export order.</summary>
    public static IReadOnlyList<string> Files { get; } = ["patients", "surgeries", "radiotherapy", "systemic", "events", "followup"];

    private static readonly string[] Header =
    [
        "patient_id,center,sex,birth_date,diagnosis_date,histology,site,depth,size_cm,grade,metastatic_at_diagnosis,smoking,bmi,charlson",
        "patient_id,date,kind,target,margin,necrosis_pct,lesions,max_lesion_cm,clavien_dindo,wound_complication",
        "patient_id,setting,target,dose_gy,fractions,start_date,end_date,late_toxicity_grade",
        "patient_id,regimen,intent,start_date,end_date",
        "patient_id,date,kind,site,lesions,max_lesion_cm,cause",
        "patient_id,date,status",
    ];

    private static readonly string[] Histologies = ["8890/3", "9040/3", "8802/3", "8850/3", "8858/3", "8852/3", "8811/3", "9540/3", "9120/3", "8800/3"];
    private static readonly string[] Sites = ["extremity_lower", "extremity_upper", "trunk", "retroperitoneum", "head_neck", "visceral"];
    private static readonly string[] Margins = ["R0", "R0", "R0", "R1", "R2", "RX"];
    private static readonly string[] Grades = ["1", "2", "3", "3", "X"];
    private static readonly string[] Clavien = ["none", "none", "none", "I", "II", "IIIa", "IIIb", "IVa", "IVb", "V", ""];
    private static readonly string[] DmSites = ["lung", "lung", "lung", "liver", "bone", "soft_tissue", "other", ""];

    /// <summary>The CSV text of each file (<see cref="Files"/> order), ids <c>P000001</c>... in order.</summary>
    public static IReadOnlyList<string> Create(int count, int seed = 20261123)
    {
        var random = new Random(seed);
        var text = Header.Select(h => new StringBuilder(count * 64).Append(h).Append('\n')).ToArray();
        for (var i = 1; i <= count; i++)
        {
            Patient($"P{i:D6}", random, text);
        }
        return [.. text.Select(t => t.ToString())];
    }

    /// <summary>Writes the files into <paramref name="folder"/> (created when absent) and returns it.</summary>
    public static string WriteFolder(string folder, int count, int seed = 20261123)
    {
        Directory.CreateDirectory(folder);
        var files = Create(count, seed);
        for (var f = 0; f < Files.Count; f++)
        {
            File.WriteAllText(Path.Combine(folder, Files[f] + ".csv"), files[f], new UTF8Encoding(false));
        }
        return folder;
    }

    private static void Patient(string id, Random random, StringBuilder[] files)
    {
        void Row(int file, params string[] cells) => files[file].AppendJoin(',', cells).Append('\n');
        bool Chance(double p) => random.NextDouble() < p;
        string Maybe(double p, string value) => random.NextDouble() < p ? value : "";

        var birth = new DateOnly(1930, 1, 1).AddDays(random.Next(0, 365 * 60));
        var diagnosis = new DateOnly(2000, 1, 1).AddDays(random.Next(0, 365 * 20));
        if (diagnosis <= birth.AddYears(16))
        {
            diagnosis = birth.AddYears(16).AddDays(random.Next(1, 400));
        }
        var surgery = diagnosis.AddDays(random.Next(0, 120));
        // Follow-up ends by 2024 at the latest: no date may lie in the future.
        var end = surgery.AddDays(random.Next(0, 365 * 12));
        end = end > Cutoff ? (surgery > Cutoff ? surgery : Cutoff) : end;
        DateOnly Within(DateOnly from) => from >= end ? end : from.AddDays(random.Next(0, end.DayNumber - from.DayNumber + 1));
        DateOnly Clamp(DateOnly d) => d > end ? end : d;

        var flagged = Chance(0.08);
        var died = Chance(0.35);
        Row(0, id, "C" + random.Next(1, 9).ToString(CultureInfo.InvariantCulture), random.Next(2) == 0 ? "M" : "F", Iso(birth), Iso(diagnosis),
            Histologies[random.Next(Histologies.Length)], Sites[random.Next(Sites.Length)],
            random.Next(5) switch { 0 => "", 1 => "superficial", _ => "deep" },
            random.Next(10) == 0 ? "" : Number(Math.Round(0.5 + random.NextDouble() * 25, random.Next(0, 3))),
            Grades[random.Next(Grades.Length)], flagged ? "yes" : Maybe(0.3, "no"),
            random.Next(4) switch { 0 => "", 1 => "never", 2 => "former", _ => "current" },
            random.Next(6) == 0 ? "" : Number(Math.Round(17 + random.NextDouble() * 20, 1)),
            random.Next(6) == 0 ? "" : random.Next(0, 8).ToString(CultureInfo.InvariantCulture));

        // Events: metastases at diagnosis (on or before surgery), recurrences, later metastases, death.
        var events = new List<(DateOnly Date, string Kind, string Cells)>();
        if ((flagged && Chance(0.6)) || Chance(0.03))
        {
            events.Add((Chance(0.5) ? surgery : diagnosis, "distant_metastasis", $"{DmSites[random.Next(DmSites.Length)]},{Maybe(0.5, random.Next(1, 9).ToString(CultureInfo.InvariantCulture))},"));
        }
        DateOnly? lr = Chance(0.22) ? Within(surgery) : null;
        if (lr is { } first)
        {
            events.Add((first, "local_recurrence", ",,"));
            if (Chance(0.3) && first < end)
            {
                events.Add((Within(first.AddDays(1)), "local_recurrence", ",,"));
            }
        }
        DateOnly? dm = Chance(0.25) ? (lr is { } l && Chance(0.1) ? l : Within(surgery.AddDays(1))) : null;
        if (dm is { } d && (d > end || events.Exists(e => e.Date == d && e.Kind == "distant_metastasis")))
        {
            dm = null;
        }
        if (dm is { } metastasis)
        {
            events.Add((metastasis, "distant_metastasis", $"{DmSites[random.Next(DmSites.Length)]},{Maybe(0.6, random.Next(1, 9).ToString(CultureInfo.InvariantCulture))},{Maybe(0.5, Number(Math.Round(0.3 + random.NextDouble() * 5, 1)))}"));
            if (Chance(0.2) && metastasis < end)
            {
                events.Add((Within(metastasis.AddDays(1)), "distant_metastasis", "liver,,"));
            }
        }

        // Surgeries: the primary, sometimes a re-excision, resections of recurrences, metastasectomies.
        var neoadjuvant = Chance(0.4);
        Row(1, id, Iso(surgery), "primary", Maybe(0.7, "primary_site"), Chance(0.05) ? "" : Margins[random.Next(Margins.Length)],
            neoadjuvant ? Maybe(0.8, Number(random.Next(0, 101))) : "", "", "", Maybe(0.5, Clavien[random.Next(4)]), Maybe(0.6, Chance(0.15) ? "yes" : "no"));
        if (Chance(0.05))
        {
            Row(1, id, Iso(Clamp(surgery.AddDays(random.Next(1, 60)))), "re_excision", "primary_site", "R0", "", "", "", "", "");
        }
        if (lr is { } recurrence && Chance(0.5))
        {
            Row(1, id, Iso(Clamp(recurrence.AddDays(random.Next(0, 45)))), "recurrence_resection", "primary_site", Margins[random.Next(Margins.Length)], "", "", "", Clavien[random.Next(Clavien.Length)], "");
        }
        DateOnly? pm = null;
        if (dm is { } resected && Chance(0.4))
        {
            pm = Clamp(resected.AddDays(random.Next(0, 60)));
            Row(1, id, Iso(pm.Value), "metastasectomy", "lung", Maybe(0.8, "R0"), "", Maybe(0.9, random.Next(1, 6).ToString(CultureInfo.InvariantCulture)),
                Maybe(0.9, Number(Math.Round(0.5 + random.NextDouble() * 5.5, 1))), Clavien[random.Next(Clavien.Length)], "");
        }

        // Radiotherapy: a course to the primary (neoadjuvant or adjuvant), sometimes one to a metastasis.
        if (neoadjuvant || Chance(0.3))
        {
            var (dose, fractions) = random.Next(4) switch { 0 => (40.05, 15), 1 => (30.0, 5), _ => (50.0, 25) };
            var start = neoadjuvant ? diagnosis.AddDays(random.Next(0, (surgery.DayNumber - diagnosis.DayNumber) / 2 + 1)) : Clamp(surgery.AddDays(random.Next(10, 40)));
            var stop = neoadjuvant ? start.AddDays(random.Next(0, (surgery.DayNumber - start.DayNumber) + 1)) : Clamp(start.AddDays(fractions * 7 / 5));
            Row(2, id, Chance(0.1) ? "" : neoadjuvant ? "neoadjuvant" : "adjuvant", Maybe(0.6, "primary_site"), Number(dose), Integer(fractions),
                Maybe(0.7, Iso(start)), Maybe(0.9, Iso(stop)), Maybe(0.7, Integer(random.Next(0, 6))));
        }
        if (dm is { } palliated && Chance(0.15))
        {
            var start = Clamp(palliated.AddDays(random.Next(0, 30)));
            Row(2, id, "palliative", "metastasis", "30", "10", Iso(start), Iso(Clamp(start.AddDays(12))), Maybe(0.5, Integer(random.Next(0, 3))));
        }

        // Systemic therapy: around a metastasectomy, or any line.
        if (pm is { } around && Chance(0.5))
        {
            var start = around.AddDays(-random.Next(0, 120));
            start = start < diagnosis ? diagnosis : start;
            Row(3, id, "doxorubicin+ifosfamide", Chance(0.5) ? "perioperative" : "", Iso(start), Maybe(0.7, Iso(Clamp(start.AddDays(random.Next(0, 150))))));
        }
        if (Chance(0.2))
        {
            var start = Within(diagnosis);
            Row(3, id, Maybe(0.9, random.Next(3) switch { 0 => "doxorubicin", 1 => "trabectedin", _ => "pazopanib" }),
                random.Next(5) switch { 0 => "neoadjuvant", 1 => "adjuvant", 2 => "perioperative", 3 => "palliative", _ => "" }, Iso(start),
                Maybe(0.6, Iso(Clamp(start.AddDays(random.Next(0, 200))))));
        }

        events.Sort((a, b) => a.Date != b.Date ? a.Date.CompareTo(b.Date) : string.CompareOrdinal(a.Kind, b.Kind));
        foreach (var (date, kind, cells) in events)
        {
            Row(4, id, Iso(date), kind, cells + ",");
        }
        if (died)
        {
            Row(4, id, Iso(end), "death", ",,", random.Next(5) switch { 0 => "sarcoma", 1 => "treatment", 2 => "other", 3 => "unknown", _ => "" });
        }

        // Follow-up contacts on distinct days; a living patient's last one sometimes says lost.
        var contacts = new SortedSet<DateOnly>();
        for (var k = random.Next(0, 5); k > 0; k--)
        {
            contacts.Add(Within(surgery));
        }
        if (!died && Chance(0.7))
        {
            contacts.Add(end);
        }
        foreach (var contact in contacts)
        {
            var last = contact == contacts.Max;
            Row(5, id, Iso(contact), !died && last && Chance(0.1) ? "lost" : random.Next(4) switch { 0 => "", 1 => "awd", _ => "ned" });
        }
    }

    private static readonly DateOnly Cutoff = new(2024, 12, 31);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Integer(int value) => value.ToString(CultureInfo.InvariantCulture);
}
