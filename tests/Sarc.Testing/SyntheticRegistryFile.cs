using System.Globalization;
using System.Text;

namespace Sarc.Testing;

/// <summary>
/// A valid flat registry template (CSV text) of <c>n</c> synthetic patients from a fixed seed: the same file every
/// time, with every optional column sometimes empty, ties in event dates, deaths with and without relapse. Used by the
/// registry tests and benchmarks.
/// </summary>
public static class SyntheticRegistryFile
{
    public const string Header =
        "patient_id,center,sex,birth_date,diagnosis_date,histology,site,depth,size_cm,grade,surgery_date,margin,last_followup_date,smoking,bmi,charlson,rt_setting,rt_dose_gy,rt_fractions,rt_end_date,necrosis_pct,lr_date,dm_date,death_date,death_cause";

    private static readonly string[] Histologies = ["8890/3", "9040/3", "8802/3", "8850/3", "8858/3", "8852/3", "8811/3", "9540/3", "9120/3", "8800/3"];
    private static readonly string[] Sites = ["extremity_lower", "extremity_upper", "trunk", "retroperitoneum", "head_neck", "visceral"];
    private static readonly string[] Margins = ["R0", "R0", "R0", "R1", "R2", "RX"];
    private static readonly string[] Grades = ["1", "2", "3", "3", "X"];

    /// <summary>The CSV text: header and <paramref name="count"/> rows, ids <c>P000001</c>... in order.</summary>
    public static string Create(int count, int seed = 20261123)
    {
        var random = new Random(seed);
        var text = new StringBuilder(count * 160);
        text.Append(Header).Append('\n');
        var epoch = new DateOnly(2000, 1, 1);
        for (var i = 1; i <= count; i++)
        {
            var birth = new DateOnly(1930, 1, 1).AddDays(random.Next(0, 365 * 60));
            var diagnosis = epoch.AddDays(random.Next(0, 365 * 20));
            if (diagnosis <= birth.AddYears(16))
            {
                diagnosis = birth.AddYears(16).AddDays(random.Next(1, 400));
            }
            var surgery = diagnosis.AddDays(random.Next(0, 120));
            var neoadjuvant = random.NextDouble() < 0.4;
            // Follow-up ends by 2024 at the latest: the import refuses dates in the future.
            var followDays = Math.Min(random.Next(0, 365 * 12), Math.Max(0, Cutoff.DayNumber - surgery.DayNumber));
            var lastFollowUp = surgery.AddDays(followDays);
            DateOnly? lr = random.NextDouble() < 0.2 ? surgery.AddDays(random.Next(0, followDays + 1)) : null;
            DateOnly? dm = random.NextDouble() < 0.25 ? surgery.AddDays(random.Next(0, followDays + 1)) : null;
            if (lr is not null && dm is not null && random.NextDouble() < 0.1)
            {
                dm = lr;
            }
            var died = random.NextDouble() < 0.35;
            DateOnly? death = null;
            if (died)
            {
                var latest = lr is null ? surgery : lr.Value;
                if (dm is { } d && d > latest)
                {
                    latest = d;
                }
                death = latest <= lastFollowUp ? lastFollowUp : latest;
                lastFollowUp = death.Value;
            }
            var cells = new string[25];
            cells[0] = $"P{i:D6}";
            cells[1] = "C" + random.Next(1, 9).ToString(CultureInfo.InvariantCulture);
            cells[2] = random.Next(2) == 0 ? "M" : "F";
            cells[3] = Iso(birth);
            cells[4] = Iso(diagnosis);
            cells[5] = Histologies[random.Next(Histologies.Length)];
            cells[6] = Sites[random.Next(Sites.Length)];
            cells[7] = random.Next(5) switch { 0 => "", 1 => "superficial", _ => "deep" };
            cells[8] = random.Next(10) == 0 ? "" : Number(Math.Round(0.5 + random.NextDouble() * 25, random.Next(0, 3)));
            cells[9] = Grades[random.Next(Grades.Length)];
            cells[10] = Iso(surgery);
            cells[11] = Margins[random.Next(Margins.Length)];
            cells[12] = Iso(lastFollowUp);
            cells[13] = random.Next(4) switch { 0 => "", 1 => "never", 2 => "former", _ => "current" };
            cells[14] = random.Next(6) == 0 ? "" : Number(Math.Round(17 + random.NextDouble() * 20, 1));
            cells[15] = random.Next(6) == 0 ? "" : random.Next(0, 8).ToString(CultureInfo.InvariantCulture);
            if (neoadjuvant || random.NextDouble() < 0.3)
            {
                var (dose, fractions) = random.Next(4) switch { 0 => (40.05, 15), 1 => (30.0, 5), _ => (50.0, 25) };
                cells[16] = neoadjuvant ? "neoadjuvant" : "adjuvant";
                cells[17] = Number(dose);
                cells[18] = fractions.ToString(CultureInfo.InvariantCulture);
                var end = neoadjuvant ? diagnosis.AddDays(random.Next(0, (surgery.DayNumber - diagnosis.DayNumber) + 1)) : surgery.AddDays(30);
                cells[19] = death is { } dd && end > dd ? "" : Iso(end);
                cells[20] = neoadjuvant ? Number(random.Next(0, 101)) : "";
            }
            else
            {
                cells[16] = cells[17] = cells[18] = cells[19] = cells[20] = "";
            }
            cells[21] = lr is { } l ? Iso(l) : "";
            cells[22] = dm is { } m ? Iso(m) : "";
            cells[23] = death is { } x ? Iso(x) : "";
            cells[24] = death is null ? "" : random.Next(3) switch { 0 => "sarcoma", 1 => "other", _ => "" };
            text.AppendJoin(',', cells).Append('\n');
        }
        return text.ToString();
    }

    private static readonly DateOnly Cutoff = new(2024, 12, 31);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
