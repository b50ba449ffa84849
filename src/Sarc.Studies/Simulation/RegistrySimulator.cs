using System.Globalization;
using System.Text;
using Sarc.Registry.Endpoints;
using Sarc.Registry.LongFormat;

namespace Sarc.Studies.Simulation;

/// <summary>
/// Simulates a sarcoma registry whose true effects are the seed studies' (<see cref="SimulationOptions"/>), with the
/// sub-cohorts every seed study needs: neoadjuvant RT with necrosis % and wound complications, metastatic at diagnosis
/// treated with 40.05 Gy / 15 fx and systemic therapy, pulmonary metastasectomy for LMS/SyS/UPS (lesions, size,
/// Clavien-Dindo, perioperative systemic therapy), retroperitoneal sarcoma with relapses and their resection, repeated
/// local recurrences, and follow-up contacts (some patients lost to follow-up). Events follow a continuous-time
/// multistate model with constant hazards per state (months): LR, DM and death compete; the DM hazard is multiplied by
/// the LR hazard ratio once LR has happened, death by the LR and DM ratios. Written as the long format, so that
/// <c>sarc demo</c> imports it through the normal import. Deterministic for a seed (System.Random with a seed is stable
/// across .NET versions). The model is in docs/studies.md.
/// </summary>
public static class RegistrySimulator
{
    /// <summary>Writes the six long-format CSV files into <paramref name="folder"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than 50 patients.</exception>
    public static SimulatedRegistry Write(string folder, SimulationOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Patients, 50, nameof(options));
        Directory.CreateDirectory(folder);
        var files = LongFiles.All.ToDictionary(f => f, f => new StringBuilder().AppendJoin(',', f.Columns).Append('\n'));
        var random = new Random(options.Seed);
        for (var i = 0; i < options.Patients; i++)
        {
            new PatientSimulation(i + 1, random, options, files).Run();
        }
        foreach (var (file, text) in files)
        {
            File.WriteAllText(Path.Combine(folder, file.Name + ".csv"), text.ToString(), new UTF8Encoding(false));
        }
        return new SimulatedRegistry(folder, options.Patients);
    }

    /// <summary>One patient's history, appended as rows to the six files.</summary>
    private sealed class PatientSimulation(int number, Random random, SimulationOptions options, Dictionary<LongFile, StringBuilder> files)
    {
        private readonly string id = $"P{number:D5}";

        public void Run()
        {
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

            // Sub-cohorts: metastatic at diagnosis (40.05 Gy / 15 fx to the primary), and neoadjuvant RT with necrosis.
            var limb = site is "extremity_lower" or "extremity_upper" or "trunk";
            var metastaticAtDiagnosis = limb && highGrade && Chance(options.Seed001.MetastaticShare);
            string setting = "", dose = "", fractions = "", necrosis = "";
            DateOnly? rtStart = null, rtEnd = null;
            var necrosisHigh = false;
            if (metastaticAtDiagnosis || (limb && Chance(0.5)) || (retroperitoneal && Chance(0.15)))
            {
                var neoadjuvant = metastaticAtDiagnosis || retroperitoneal || Chance(0.7);
                setting = neoadjuvant ? "neoadjuvant" : "adjuvant";
                (dose, fractions) = metastaticAtDiagnosis ? ("40.05", "15") : neoadjuvant ? (Chance(0.85) ? ("50", "25") : ("50.4", "28")) : ("66", "33");
                var days = int.Parse(fractions, CultureInfo.InvariantCulture) * 7 / 5;
                if (neoadjuvant)
                {
                    rtEnd = surgery.AddDays(-random.Next(21, 63));
                    rtStart = rtEnd.Value.AddDays(-days);
                    // Diagnosis precedes the whole RT course.
                    diagnosis = rtStart.Value.AddDays(-random.Next(10, 45));
                    var e = options.Seed000;
                    var pct = Math.Clamp(Normal(smoking == "never" ? e.MeanNecrosisNever : e.MeanNecrosisSmoker, 28), 0, 100);
                    necrosisHigh = pct >= 75;
                    necrosis = Math.Round(pct).ToString(CultureInfo.InvariantCulture);
                }
                else
                {
                    rtStart = surgery.AddDays(random.Next(21, 60));
                    rtEnd = rtStart.Value.AddDays(days);
                }
            }

            // Constant hazards per month; multipliers apply once a state is entered.
            var ms = options.Seed003;
            var lrRate = (retroperitoneal ? 0.012 : metastaticAtDiagnosis ? 0.0045 : 0.0032) * (margin is "R1" or "R2" ? 2.0 : 1.0) * (setting == "" ? 1.4 : 1.0);
            var dmRate = 0.0019 * (highGrade || grade == "X" ? ms.HighGradeDmHazardRatio : 1.0) * (size > 5 ? 1.4 : 1.0) * (necrosisHigh ? options.Seed000.HighNecrosisDmHazardRatio : 1.0);
            var deathRate = 0.0012 * Math.Exp(0.03 * (age - 58));
            var cutoffMonths = (options.DataCutoff.DayNumber - surgery.DayNumber) / EndpointTime.DaysPerMonth;
            var lossAt = Exponential(options.LossToFollowUpRate);
            var lost = lossAt < cutoffMonths;
            var followUpEnd = Math.Min(cutoffMonths, lossAt);
            var pm = false;
            var pmLesion = 0.0;
            var resected = false;
            double t = 0, lrAt = double.NaN, dmAt = double.NaN, deathAt = double.NaN;
            var synchronousDm = false;
            var deathMultiplier = metastaticAtDiagnosis ? ms.DmToDeathHazardRatio * 0.35 : 1.0;
            while (true)
            {
                var hasLr = !double.IsNaN(lrAt);
                var hasDm = metastaticAtDiagnosis || !double.IsNaN(dmAt);
                // After a DM only patients metastatic at diagnosis (DM before any LR by construction) can still recur locally.
                var hLr = hasLr || (hasDm && !metastaticAtDiagnosis) ? 0 : lrRate;
                var hDm = hasDm ? 0 : dmRate * (hasLr ? ms.LrToDmHazardRatio : 1.0);
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
                    deathMultiplier *= ms.LrToDeathHazardRatio;
                    if (retroperitoneal)
                    {
                        var rp = options.Seed004;
                        resected = Chance(rp.ResectedShare);
                        deathMultiplier *= resected ? rp.DeathMultiplierResected : rp.DeathMultiplierNotResected;
                        // Only retroperitoneal LRs may come with a synchronous DM: elsewhere a DM at the instant of LR would be
                        // a DM without LR in the hazard model and bias the LR→DM hazard ratio the lr-dm-multistate study checks.
                        if (Chance(rp.SynchronousDmShare))
                        {
                            dmAt = t;
                            synchronousDm = true;
                            deathMultiplier *= ms.DmToDeathHazardRatio * 0.9;
                        }
                    }
                    else
                    {
                        resected = Chance(0.7);
                    }
                }
                else if (u < hLr + hDm)
                {
                    dmAt = t;
                    var multiplier = ms.DmToDeathHazardRatio;
                    if (histology is "8890/3" or "9040/3" or "8802/3" && Chance(options.Seed002.ResectedShare))
                    {
                        pm = true;
                        pmLesion = Math.Round(Math.Clamp(Math.Exp(Normal(Math.Log(1.8), 0.5)), 0.4, 8), 1);
                        // Seed 002: lesions > 2 cm carry a much worse prognosis after metastasectomy, a long
                        // treatment-free interval a better one.
                        multiplier *= pmLesion > 2 ? options.Seed002.DeathMultiplierLarge : options.Seed002.DeathMultiplierSmall;
                        multiplier *= t > 12 ? options.Seed002.LongTfiDeathMultiplier : 1.0;
                    }
                    deathMultiplier *= multiplier;
                }
                else
                {
                    deathAt = t;
                    break;
                }
            }
            var died = !double.IsNaN(deathAt);
            var birth = diagnosis.AddDays(-(int)(age * EndpointTime.DaysPerYear));
            var lastDate = surgery.AddDays(Math.Max(1, (int)Math.Round((died ? deathAt : followUpEnd) * EndpointTime.DaysPerMonth)));
            DateOnly At(double months) => Clamp(surgery.AddDays(Math.Max(1, (int)Math.Round(months * EndpointTime.DaysPerMonth))), lastDate);
            DateOnly? lrDate = double.IsNaN(lrAt) ? null : At(lrAt);
            DateOnly? dmDate = double.IsNaN(dmAt) ? null : synchronousDm ? lrDate : At(dmAt);
            if (rtEnd is { } end && end > lastDate)
            {
                rtEnd = lastDate;
                rtStart = rtStart > lastDate ? lastDate : rtStart;
            }

            Row(LongFiles.Patients, id, center, sex, Date(birth), Date(diagnosis), histology, site, depth, Number(size), grade,
                metastaticAtDiagnosis ? "yes" : "no", smoking, Number(bmi), charlson.ToString(CultureInfo.InvariantCulture));

            // Surgeries: the primary; a resection of the local recurrence; the metastasectomy.
            var wound = setting == "" ? "" : Chance(setting == "neoadjuvant" ? options.Seed000.WoundComplicationNeoadjuvant : options.Seed000.WoundComplicationAdjuvant) ? "yes" : "no";
            Row(LongFiles.Surgeries, id, Date(surgery), "primary", "primary_site", margin, necrosis, "", "", "", wound);
            if (lrDate is { } lr && resected)
            {
                Row(LongFiles.Surgeries, id, Date(Clamp(lr.AddDays(random.Next(14, 60)), lastDate)), "recurrence_resection", "primary_site",
                    Pick(("R0", 0.6), ("R1", 0.3), ("R2", 0.1)), "", "", "", Pick(("none", 0.7), ("I", 0.15), ("II", 0.1), ("IIIb", 0.05)), "");
            }
            DateOnly? pmDate = null;
            if (pm && dmDate is { } dm)
            {
                pmDate = Clamp(dm.AddDays(random.Next(30, 75)), lastDate);
                var clavien = Pick(("none", 0.78), ("I", 0.1), ("II", 0.1), ("IIIa", 0.01), ("IIIb", 0.01));
                Row(LongFiles.Surgeries, id, Date(pmDate.Value), "metastasectomy", "lung", "R0", "",
                    random.Next(1, 5).ToString(CultureInfo.InvariantCulture), Number(pmLesion), clavien, "");
            }

            if (setting != "")
            {
                var toxicity = Pick(("0", 0.72), ("1", 0.2), ("2", 0.08));
                Row(LongFiles.Radiotherapy, id, setting, "primary_site", dose, fractions, Date(rtStart), Date(rtEnd), toxicity);
            }

            // Systemic therapy: palliative for the metastatic at diagnosis, perioperative around a metastasectomy,
            // adjuvant for some large high-grade limb tumours.
            if (metastaticAtDiagnosis && Chance(options.Seed001.SystemicShare))
            {
                Line("doxorubicin", "palliative", diagnosis.AddDays(random.Next(14, 40)), diagnosis, lastDate);
            }
            if (pmDate is { } pmd && Chance(options.Seed002.PerioperativeSystemicShare))
            {
                Line("doxorubicin + ifosfamide", "perioperative", pmd.AddDays(-random.Next(20, 60)), diagnosis, lastDate);
            }
            if (!metastaticAtDiagnosis && limb && highGrade && size > 5 && Chance(0.15))
            {
                Line("doxorubicin + ifosfamide", "adjuvant", surgery.AddDays(random.Next(30, 60)), diagnosis, lastDate);
            }

            // Events: metastasis at diagnosis, repeated local recurrences, metastases (progression of metastatic
            // disease), death.
            if (metastaticAtDiagnosis)
            {
                Row(LongFiles.Events, id, Date(diagnosis), "distant_metastasis", "lung", random.Next(1, 8).ToString(CultureInfo.InvariantCulture), "", "");
                var progression = Exponential(options.Seed001.ProgressionRate);
                if (progression < (died ? deathAt : followUpEnd))
                {
                    Row(LongFiles.Events, id, Date(At(progression)), "distant_metastasis", Pick(("lung", 0.6), ("liver", 0.2), ("bone", 0.2)), "", "", "");
                }
            }
            if (lrDate is { } first)
            {
                Row(LongFiles.Events, id, Date(first), "local_recurrence", "", "", "", "");
                var second = lrAt + Exponential(ms.SecondLrRate);
                if (second < (died ? deathAt : followUpEnd) && At(second) > first)
                {
                    Row(LongFiles.Events, id, Date(At(second)), "local_recurrence", "", "", "", "");
                }
            }
            if (dmDate is { } metastasis)
            {
                var dmSite = pm ? "lung" : Pick(("lung", 0.6), ("liver", 0.15), ("bone", 0.15), ("soft_tissue", 0.05), ("other", 0.05));
                Row(LongFiles.Events, id, Date(metastasis), "distant_metastasis", dmSite, "", pm ? Number(pmLesion) : "", "");
            }
            if (pmDate is { } resectedOn)
            {
                // A new metastasis after the metastasectomy (seed 002's disease-free survival).
                var rate = options.Seed002.RecurrenceRate * (pmLesion > 2 ? options.Seed002.RecurrenceHazardRatioLarge : 1.0);
                var recurrence = resectedOn.AddDays((int)Math.Round(Exponential(rate) * EndpointTime.DaysPerMonth) + 1);
                if (recurrence < lastDate)
                {
                    Row(LongFiles.Events, id, Date(recurrence), "distant_metastasis", Pick(("lung", 0.7), ("liver", 0.15), ("bone", 0.15)), "", "", "");
                }
            }
            if (died)
            {
                var cause = lrDate is not null || dmDate is not null || metastaticAtDiagnosis ? (Chance(0.9) ? "sarcoma" : "other") : Pick(("other", 0.75), ("unknown", 0.2), ("treatment", 0.05));
                Row(LongFiles.Events, id, Date(lastDate), "death", "", "", "", cause);
            }

            // Follow-up contacts: every 3 months for 3 years, every 6 to 5 years, then yearly, until the last date; a living
            // patient's last contact is on the last date, with status lost when the patient was lost to follow-up.
            var contact = surgery;
            for (var k = 1; ; k++)
            {
                var months = k <= 12 ? 3 : k <= 16 ? 6 : 12;
                contact = contact.AddMonths(months).AddDays(random.Next(-10, 11));
                if (contact >= lastDate)
                {
                    break;
                }
                Row(LongFiles.FollowUp, id, Date(contact), Status(contact));
            }
            if (!died)
            {
                Row(LongFiles.FollowUp, id, Date(lastDate), lost ? "lost" : Status(lastDate));
            }

            string Status(DateOnly on) => metastaticAtDiagnosis || (lrDate is { } l && l <= on) || (dmDate is { } d && d <= on) ? "awd" : "ned";
        }

        private void Line(string regimen, string intent, DateOnly start, DateOnly diagnosis, DateOnly lastDate)
        {
            start = start < diagnosis ? diagnosis : start;
            if (start > lastDate)
            {
                return;
            }
            Row(LongFiles.Systemic, id, regimen, intent, Date(start), Date(Clamp(start.AddDays(random.Next(90, 180)), lastDate)));
        }

        private void Row(LongFile file, params string[] cells) => files[file].AppendJoin(',', cells).Append('\n');

        private string Pick(params (string Value, double Weight)[] choices)
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

        private double Normal(double mean, double sd) =>
            mean + sd * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

        private double Exponential(double rate) => rate <= 0 ? double.PositiveInfinity : -Math.Log(1 - random.NextDouble()) / rate;

        private bool Chance(double p) => random.NextDouble() < p;

        private static DateOnly Clamp(DateOnly date, DateOnly latest) => date > latest ? latest : date;

        private static string Date(DateOnly? date) => date is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "";

        private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
    }
}
