using System.Globalization;
using System.Text;

namespace Sarc.Studies.Simulation;

/// <summary>
/// Simulates a sarcoma registry whose true effects are the seed studies' (see <see cref="SimulationOptions"/>), with
/// the sub-cohorts every seed study needs: neoadjuvant RT with necrosis %, metastatic at diagnosis treated with
/// 40.05 Gy / 15 fx, pulmonary metastasectomy for LMS/SyS/UPS, retroperitoneal sarcoma with relapses.
/// Events follow a continuous-time multistate model with constant hazards per state (months): LR, DM and death
/// compete; the DM hazard is multiplied by the LR hazard ratio once LR has happened, death by the LR and DM ratios.
/// Deterministic for a seed (System.Random with a seed is stable across .NET versions). The model is in docs/studies.md.
/// </summary>
public static class RegistrySimulator
{
    private const double DaysPerMonth = Sarc.Registry.Endpoints.EndpointBuilder.DaysPerMonth;

    private static readonly string[] TemplateHeader =
    [
        "patient_id", "center", "sex", "birth_date", "diagnosis_date", "histology", "site", "depth", "size_cm", "grade",
        "surgery_date", "margin", "last_followup_date", "smoking", "bmi", "charlson", "rt_setting", "rt_dose_gy",
        "rt_fractions", "rt_end_date", "necrosis_pct", "lr_date", "dm_date", "death_date", "death_cause",
    ];

    private static readonly string[] SupplementHeader =
    [
        "patient_id", "wound_complication", "late_toxicity_grade", "systemic_therapy", "metastasectomy", "pm_lesion_cm",
        "pm_lesion_count", "clavien_dindo", "relapse_resected", "progression_date",
    ];

    /// <summary>Writes <c>registry.csv</c> (template) and <c>supplement.csv</c> into <paramref name="folder"/>.</summary>
    public static SimulatedRegistry Write(string folder, SimulationOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Patients, 50, nameof(options));
        Directory.CreateDirectory(folder);
        var templatePath = Path.Combine(folder, "registry.csv");
        var supplementPath = Path.Combine(folder, "supplement.csv");
        var template = new StringBuilder();
        var supplement = new StringBuilder();
        template.AppendJoin(',', TemplateHeader).Append('\n');
        supplement.AppendJoin(',', SupplementHeader).Append('\n');
        var random = new Random(options.Seed);
        for (var i = 0; i < options.Patients; i++)
        {
            var (t, s) = Patient(i + 1, random, options);
            template.AppendJoin(',', t).Append('\n');
            supplement.AppendJoin(',', s).Append('\n');
        }
        File.WriteAllText(templatePath, template.ToString(), new UTF8Encoding(false));
        File.WriteAllText(supplementPath, supplement.ToString(), new UTF8Encoding(false));
        return new SimulatedRegistry(templatePath, supplementPath, options.Patients);
    }

    private static (string[] Template, string[] Supplement) Patient(int number, Random random, SimulationOptions options)
    {
        string Pick(params (string Value, double Weight)[] choices)
        {
            var u = random.NextDouble() * choices.Sum(c => c.Weight);
            foreach (var (value, weight) in choices)
            {
                if ((u -= weight) < 0)
                {
                    return value;
                }
            }
            return choices[^1].Value;
        }
        double Normal(double mean, double sd) =>
            mean + sd * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        double Exponential(double rate) => rate <= 0 ? double.PositiveInfinity : -Math.Log(1 - random.NextDouble()) / rate;
        bool Chance(double p) => random.NextDouble() < p;

        var id = $"P{number:D5}";
        var center = Pick(("MUC", 0.4), ("BER", 0.35), ("HAM", 0.25));
        var sex = Chance(0.55) ? "M" : "F";
        var age = Math.Clamp(Normal(58, 14), 18, 92);
        var site = Pick(("extremity_lower", 0.42), ("extremity_upper", 0.12), ("trunk", 0.14), ("retroperitoneum", 0.24), ("head_neck", 0.04), ("visceral", 0.04));
        var retroperitoneal = site == "retroperitoneum";
        var histology = retroperitoneal
            ? Pick(("8858/3", 0.35), ("8850/3", 0.2), ("8890/3", 0.25), ("8802/3", 0.1), ("9540/3", 0.1))
            : Pick(("8802/3", 0.25), ("8890/3", 0.15), ("9040/3", 0.12), ("8852/3", 0.12), ("8811/3", 0.15), ("8854/3", 0.06), ("9540/3", 0.06), ("9120/3", 0.09));
        var depth = retroperitoneal || Chance(0.75) ? "deep" : "superficial";
        var size = Math.Round(Math.Clamp(Math.Exp(Normal(Math.Log(retroperitoneal ? 15 : 7.5), 0.55)), 0.8, 45), 1);
        var grade = Pick(("1", 0.24), ("2", 0.3), ("3", 0.41), ("X", 0.05));
        var highGrade = grade is "2" or "3";
        var margin = Pick(("R0", 0.74), ("R1", 0.21), ("R2", 0.03), ("RX", 0.02));
        var smoking = Pick(("never", 0.6), ("former", 0.25), ("current", 0.15));
        var bmi = Math.Round(Math.Clamp(Normal(27, 5), 16, 50), 1);
        var charlson = Math.Min(8, (int)Exponential(0.7));
        var surgery = new DateOnly(2008, 1, 1).AddDays(random.Next(0, 365 * 15));
        var diagnosis = surgery.AddDays(-random.Next(20, 120));
        DateOnly? rtEndDate = null;


        // Sub-cohorts: metastatic at diagnosis (40.05 Gy / 15 fx to the primary), and neoadjuvant RT with necrosis.
        var limb = site is "extremity_lower" or "extremity_upper" or "trunk";
        var metastaticAtDiagnosis = limb && highGrade && Chance(0.1);
        string setting = "", dose = "", fractions = "", rtEnd = "", necrosis = "";
        var necrosisHigh = false;
        if (metastaticAtDiagnosis || (limb && Chance(0.5)) || (retroperitoneal && Chance(0.15)))
        {
            var neoadjuvant = metastaticAtDiagnosis || retroperitoneal || Chance(0.7);
            setting = neoadjuvant ? "neoadjuvant" : "adjuvant";
            (dose, fractions) = metastaticAtDiagnosis ? ("40.05", "15") : neoadjuvant ? (Chance(0.85) ? ("50", "25") : ("50.4", "28")) : ("66", "33");
            var end = neoadjuvant ? surgery.AddDays(-random.Next(21, 63)) : surgery.AddDays(random.Next(35, 90));
            rtEndDate = end;
            if (neoadjuvant)
            {
                // Diagnosis precedes the whole RT course (registry rule: rt_end_date not before diagnosis_date).
                diagnosis = end.AddDays(-random.Next(45, 90));
                // Smokers have more necrosis, as seed 000 found (46.9% vs 21.9% ever-smokers by necrosis group).
                var pct = Math.Clamp(Normal(smoking == "never" ? 58 : 78, 28), 0, 100);
                necrosisHigh = pct >= 75;
                necrosis = Math.Round(pct).ToString(CultureInfo.InvariantCulture);
            }
        }

        // Constant hazards per month; multipliers apply once a state is entered.
        var lrRate = (retroperitoneal ? 0.012 : metastaticAtDiagnosis ? 0.0045 : 0.0032) * (margin is "R1" or "R2" ? 2.0 : 1.0) * (setting == "" ? 1.4 : 1.0);
        var dmRate = 0.0019 * (highGrade || grade == "X" ? options.HighGradeDmHazardRatio : 1.0) * (size > 5 ? 1.4 : 1.0) * (necrosisHigh ? 1.8 : 1.0);
        var deathRate = 0.0012 * Math.Exp(0.03 * (age - 58));
        var cutoffMonths = (options.DataCutoff.DayNumber - surgery.DayNumber) / DaysPerMonth;
        var followUpEnd = Math.Min(cutoffMonths, Exponential(0.004));
        var pm = false;
        var pmLesion = 0.0;
        var resected = "";
        double t = 0, lrAt = double.NaN, dmAt = metastaticAtDiagnosis ? -(surgery.DayNumber - diagnosis.DayNumber) / DaysPerMonth : double.NaN, deathAt = double.NaN;
        var progressionAt = metastaticAtDiagnosis ? Exponential(0.045) : double.NaN;
        var deathMultiplier = metastaticAtDiagnosis ? options.DmToDeathHazardRatio * 0.35 : 1.0;
        while (true)
        {
            var hasLr = !double.IsNaN(lrAt);
            var hasDm = !double.IsNaN(dmAt);
            // After a DM only patients metastatic at diagnosis (DM before any LR by construction) can still recur locally.
            var hLr = hasLr || (hasDm && !metastaticAtDiagnosis) ? 0 : lrRate;
            var hDm = hasDm ? 0 : dmRate * (hasLr ? options.LrToDmHazardRatio : 1.0);
            var hDeath = deathRate * deathMultiplier;
            var step = Exponential(hLr + hDm + hDeath);
            if (t + step >= followUpEnd)
            {
                break;
            }
            t += step;
            var u = random.NextDouble() * (hLr + hDm + hDeath);
            if (u < hLr)
            {
                lrAt = t;
                deathMultiplier *= options.LrToDeathHazardRatio;
                if (retroperitoneal)
                {
                    resected = Chance(0.55) ? "1" : "0";
                    deathMultiplier *= resected == "1" ? 0.6 : 1.3;
                }
                // Only retroperitoneal LRs may come with a synchronous DM: elsewhere a DM at the instant of LR would be
                // a DM without LR in the hazard model and bias the LR→DM hazard ratio the lr-dm-multistate study checks.
                if (retroperitoneal && Chance(0.1))
                {
                    // Synchronous LR and DM: the "both" relapse type of seed 004.
                    dmAt = t;
                    deathMultiplier *= options.DmToDeathHazardRatio * 0.9;
                }
            }
            else if (u < hLr + hDm)
            {
                dmAt = t;
                var multiplier = options.DmToDeathHazardRatio;
                if (histology is "8890/3" or "9040/3" or "8802/3" && Chance(0.35))
                {
                    pm = true;
                    pmLesion = Math.Round(Math.Clamp(Math.Exp(Normal(Math.Log(1.8), 0.5)), 0.4, 8), 1);
                    // Seed 002: lesions > 2 cm carry a much worse prognosis after metastasectomy.
                    multiplier *= pmLesion > 2 ? 0.9 : 0.3;
                }
                deathMultiplier *= multiplier;
            }
            else
            {
                deathAt = t;
                break;
            }
        }
        var birth = diagnosis.AddDays(-(int)(age * 365.25));
        var lastFollowUp = double.IsNaN(deathAt) ? followUpEnd : deathAt;
        var lastDate = surgery.AddDays(Math.Max(1, (int)Math.Round(lastFollowUp * DaysPerMonth)));
        string Limit(DateOnly? date) => date is null ? "" : Date(date.Value > lastDate ? lastDate : date.Value);
        // The registry keeps DM dates on or after surgery: metastatic at diagnosis is recorded as DM on the day of surgery.
        var dmDate = metastaticAtDiagnosis ? Date(surgery) : double.IsNaN(dmAt) ? "" : Limit(surgery.AddDays(Math.Max(1, (int)Math.Round(dmAt * DaysPerMonth))));
        var lrDate = double.IsNaN(lrAt) ? "" : Limit(surgery.AddDays(Math.Max(1, (int)Math.Round(lrAt * DaysPerMonth))));
        var deathDate = double.IsNaN(deathAt) ? "" : Date(lastDate);
        rtEnd = rtEndDate is { } rtDate ? Date(rtDate > lastDate ? lastDate : rtDate) : "";
        var cause = deathDate == "" ? "" : lrDate != "" || dmDate != "" ? (Chance(0.9) ? "sarcoma" : "other") : (Chance(0.2) ? "unknown" : "other");

        var template = new[]
        {
            id, center, sex, Date(birth), Date(diagnosis), histology, site, depth, Number(size), grade, Date(surgery), margin,
            Date(lastDate), smoking, Number(bmi), charlson.ToString(CultureInfo.InvariantCulture), setting, dose, fractions,
            rtEnd, necrosis, lrDate, dmDate, deathDate, cause,
        };
        var wound = setting == "" ? "" : Chance(setting == "neoadjuvant" ? 0.22 : 0.12) ? "1" : "0";
        var toxicity = setting == "" ? "" : Pick(("0", 0.72), ("1", 0.2), ("2", 0.08));
        var systemic = metastaticAtDiagnosis ? (Chance(0.74) ? "1" : "0") : pm ? (Chance(0.5) ? "1" : "0") : "";
        var clavien = pm ? Pick(("none", 0.78), ("I", 0.1), ("II", 0.1), ("IIIa", 0.01), ("IIIb", 0.01)) : "";
        var progression = metastaticAtDiagnosis && progressionAt < lastFollowUp ? Date(surgery.AddDays(Math.Max(1, (int)Math.Round(progressionAt * DaysPerMonth)))) : "";
        var supplement = new[]
        {
            id, wound, toxicity, systemic, pm ? "1" : "0", pm ? Number(pmLesion) : "", pm ? random.Next(1, 5).ToString(CultureInfo.InvariantCulture) : "",
            clavien, resected, progression,
        };
        return (template, supplement);
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
