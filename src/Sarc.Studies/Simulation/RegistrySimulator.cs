using System.Text;
using Sarc.Registry.Endpoints;
using Sarc.Registry.LongFormat;

namespace Sarc.Studies.Simulation;

/// <summary>
/// Simulates a sarcoma registry that holds each seed study's cohort with its paper's size, case mix, period and
/// reported effects as the truth (<see cref="SimulationOptions"/>), next to a general cohort of resected localized
/// sarcomas: seed 000's 64 patients with necrosis after neoadjuvant RT, seed 001's 19 metastatic patients treated with
/// 40.05 Gy / 15 fx, seed 002's 77 pulmonary metastasectomies, seed 004's 1007 retroperitoneal sarcomas. The general
/// cohort (seed 003) follows a continuous-time multistate model with constant hazards per state (months): LR, DM and
/// death compete; the DM hazard is multiplied by the LR hazard ratio once LR has happened, death by the LR and DM
/// ratios. Written as the long format, so that <c>sarc demo</c> imports it through the normal import. Deterministic
/// for a seed (System.Random with a seed is stable across .NET versions). The model is in docs/studies.md.
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
        var necrosis = options.CohortSize(options.Seed000.Patients);
        var cmt = options.CohortSize(options.Seed001.Patients);
        var metastasectomy = options.CohortSize(options.Seed002.Patients);
        var retroperitoneal = options.CohortSize(options.Seed004.Patients);
        var general = Math.Max(0, options.Patients - necrosis - cmt - metastasectomy - retroperitoneal);
        // Each cohort draws from its own stream, so that recalibrating one paper's cohort leaves the others as they were.
        var number = 0;
        var random = Stream(options, 0);
        for (var i = 0; i < general; i++)
        {
            new PatientSimulation(++number, random, options, files).General(necrosis: null);
        }
        random = Stream(options, 1);
        for (var i = 0; i < necrosis; i++)
        {
            new PatientSimulation(++number, random, options, files).General(necrosis: i % 2 == 0);
        }
        random = Stream(options, 2);
        for (var i = 0; i < cmt; i++)
        {
            new PatientSimulation(++number, random, options, files).MetastaticCmt();
        }
        random = Stream(options, 3);
        for (var i = 0; i < metastasectomy; i++)
        {
            new PatientSimulation(++number, random, options, files).Metastasectomy();
        }
        random = Stream(options, 4);
        for (var i = 0; i < retroperitoneal; i++)
        {
            new PatientSimulation(++number, random, options, files).Retroperitoneal();
        }
        foreach (var (file, text) in files)
        {
            File.WriteAllText(Path.Combine(folder, file.Name + ".csv"), text.ToString(), new UTF8Encoding(false));
        }
        return new SimulatedRegistry(folder, number);
    }

    /// <summary>The random stream of cohort <paramref name="cohort"/> (0 the general cohort, 1–4 seeds 000, 001, 002, 004).</summary>
    private static Random Stream(SimulationOptions options, int cohort) => new(unchecked(options.Seed * 31 + cohort));

    /// <summary>One patient's history, appended as rows to the six files.</summary>
    private sealed class PatientSimulation(int number, Random random, SimulationOptions options, Dictionary<LongFile, StringBuilder> files)
    {
        private readonly string id = $"P{number:D6}";

        /// <summary>
        /// A resected localized sarcoma of the general cohort (<paramref name="necrosis"/> null), or of seed 000's
        /// (necrosis ≥ 75% true or false): 2020–2023, neoadjuvant RT, necrosis % recorded.
        /// </summary>
        public void General(bool? necrosis)
        {
            var seed000 = necrosis is not null;
            var e = options.Seed000;
            var site = seed000
                ? Pick(("extremity_lower", 0.7), ("extremity_upper", 0.15), ("trunk", 0.15))
                : Pick(("extremity_lower", 0.5), ("extremity_upper", 0.15), ("trunk", 0.2), ("head_neck", 0.08), ("visceral", 0.07));
            var histology = Pick(("8802/3", 0.25), ("8890/3", 0.15), ("9040/3", 0.12), ("8852/3", 0.12), ("8811/3", 0.15), ("8854/3", 0.06), ("9540/3", 0.06), ("9120/3", 0.09));
            var size = Size(7.5, 0.55);
            var grade = Pick(("1", 0.24), ("2", 0.3), ("3", 0.41), ("X", 0.05));
            var highGrade = grade != "1";
            var margin = Pick(("R0", 0.74), ("R1", 0.21), ("R2", 0.03), ("RX", 0.02));
            var smoking = necrosis is { } high
                ? (Chance(high ? e.SmokerShareHigh : e.SmokerShareLow) ? Pick(("former", 0.6), ("current", 0.4)) : "never")
                : Pick(("never", 0.6), ("former", 0.25), ("current", 0.15));
            var surgery = seed000 ? Day(2020, 2023) : Day(2008, 2023);
            var diagnosis = surgery.AddDays(-random.Next(20, 120));
            var limb = site is "extremity_lower" or "extremity_upper" or "trunk";

            string setting = "", dose = "", fractions = "", necrosisPct = "";
            DateOnly? rtStart = null, rtEnd = null;
            if (seed000 || (limb && Chance(0.5)))
            {
                var neoadjuvant = seed000 || Chance(0.7);
                setting = neoadjuvant ? "neoadjuvant" : "adjuvant";
                (dose, fractions) = neoadjuvant ? (Chance(0.85) ? ("50", "25") : ("50.4", "28")) : ("66", "33");
                var days = int.Parse(fractions, CultureInfo.InvariantCulture) * 7 / 5;
                if (neoadjuvant)
                {
                    rtEnd = surgery.AddDays(-random.Next(21, 63));
                    rtStart = rtEnd.Value.AddDays(-days);
                    diagnosis = rtStart.Value.AddDays(-random.Next(10, 45));
                }
                else
                {
                    rtStart = surgery.AddDays(random.Next(21, 60));
                    rtEnd = rtStart.Value.AddDays(days);
                }
            }
            if (necrosis is { } isHigh)
            {
                // Seed 000's groups: mean 93.6% and 26.8% necrosis.
                var pct = isHigh ? 100 - Math.Min(25, Math.Abs(Normal(0, 8))) : Math.Clamp(Normal(26.8, 18), 0, 74);
                necrosisPct = Math.Round(pct).ToString(CultureInfo.InvariantCulture);
            }

            // Constant hazards per month; multipliers apply once a state is entered.
            var ms = options.Seed003;
            var lrRate = necrosis is { } h ? (h ? e.LrRateHigh : e.LrRateLow)
                : 0.0032 * (margin is "R1" or "R2" ? 2.0 : 1.0) * (setting == "" ? 1.4 : 1.0);
            var dmRate = 0.0019 * (highGrade ? ms.HighGradeDmHazardRatio : 1.0) * (size > 5 ? 1.4 : 1.0) * (necrosis == true ? e.HighNecrosisDmHazardRatio : 1.0);
            var age = Math.Clamp(Normal(58, 14), 18, 92);
            var deathRate = 0.0008 * Math.Exp(0.01 * (age - 58)) * (highGrade ? ms.HighGradeDeathHazardRatio : 1.0) * (necrosis == true ? e.HighNecrosisDeathHazardRatio : 1.0);
            var (followUpEnd, lost) = FollowUp(surgery);
            double t = 0, lrAt = double.NaN, dmAt = double.NaN, deathAt = double.NaN;
            var deathMultiplier = 1.0;
            while (true)
            {
                var hasLr = !double.IsNaN(lrAt);
                var hasDm = !double.IsNaN(dmAt);
                // After a DM no LR is recorded: the multistate path is entry → LR → DM → death.
                var hLr = hasLr || hasDm ? 0 : lrRate;
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
                }
                else if (u < hLr + hDm)
                {
                    dmAt = t;
                    deathMultiplier *= ms.DmToDeathHazardRatio;
                }
                else
                {
                    deathAt = t;
                    break;
                }
            }
            var died = !double.IsNaN(deathAt);
            var end = died ? deathAt : followUpEnd;
            var lastDate = At(surgery, end, surgery.AddDays(1 << 20));
            DateOnly? lrDate = double.IsNaN(lrAt) ? null : At(surgery, lrAt, lastDate);
            DateOnly? dmDate = double.IsNaN(dmAt) ? null : At(surgery, dmAt, lastDate);
            if (rtEnd is { } rtLast && rtLast > lastDate)
            {
                rtEnd = lastDate;
                rtStart = rtStart > lastDate ? lastDate : rtStart;
            }

            PatientRow(site == "trunk" || Chance(0.75) ? "deep" : "superficial", diagnosis, age, histology, site, size, grade, metastatic: false, smoking);
            var wound = setting == "" ? "" : YesNo(Chance(setting == "neoadjuvant" ? e.WoundComplicationNeoadjuvant : e.WoundComplicationAdjuvant));
            Row(LongFiles.Surgeries, id, Date(surgery), "primary", "primary_site", margin, necrosisPct, "", "", "", wound);
            if (setting != "")
            {
                Row(LongFiles.Radiotherapy, id, setting, "primary_site", dose, fractions, Date(rtStart), Date(rtEnd), Pick(("0", 0.72), ("1", 0.2), ("2", 0.08)));
            }
            if (limb && highGrade && size > 5 && Chance(0.15))
            {
                Line("doxorubicin + ifosfamide", "adjuvant", surgery.AddDays(random.Next(30, 60)), diagnosis, lastDate);
            }
            if (lrDate is { } lr)
            {
                Event(lr, "local_recurrence", "");
                if (Chance(0.7))
                {
                    Row(LongFiles.Surgeries, id, Date(Clamp(lr.AddDays(random.Next(14, 60)), lastDate)), "recurrence_resection", "primary_site",
                        Pick(("R0", 0.6), ("R1", 0.3), ("R2", 0.1)), "", "", "", Pick(("none", 0.7), ("I", 0.15), ("II", 0.1), ("IIIb", 0.05)), "");
                }
                var second = lrAt + Exponential(ms.SecondLrRate);
                if (second < end && At(surgery, second, lastDate) > lr && dmDate is null)
                {
                    Event(At(surgery, second, lastDate), "local_recurrence", "");
                }
            }
            if (dmDate is { } dm)
            {
                Event(dm, "distant_metastasis", Pick(("lung", 0.6), ("liver", 0.15), ("bone", 0.15), ("soft_tissue", 0.05), ("other", 0.05)));
                if (Chance(0.5))
                {
                    Line("doxorubicin", "palliative", dm.AddDays(random.Next(14, 45)), diagnosis, lastDate);
                }
            }
            Ending(surgery, lastDate, died, lost, relapsed: lrDate is not null || dmDate is not null, on => (lrDate is { } l && l <= on) || (dmDate is { } d && d <= on));
        }

        /// <summary>Seed 001: metastatic at diagnosis, 40.05 Gy / 15 fx before surgery of the primary in 2018–2023.</summary>
        public void MetastaticCmt()
        {
            var e = options.Seed001;
            var site = Pick(("extremity_lower", 0.6), ("extremity_upper", 0.15), ("trunk", 0.25));
            var histology = Pick(("8802/3", 0.3), ("8890/3", 0.2), ("9040/3", 0.15), ("8811/3", 0.15), ("8854/3", 0.1), ("9540/3", 0.1));
            var size = Size(e.MedianSizeCm, e.LogSizeSd);
            var grade = Pick(("2", 0.3), ("3", 0.7));
            var surgery = Day(2018, 2023);
            var rtEnd = surgery.AddDays(-random.Next(28, 49));
            var rtStart = rtEnd.AddDays(-21);
            var before = Chance(e.SystemicBeforeShare);
            var after = !before && Chance(e.SystemicAfterShare / (1 - e.SystemicBeforeShare));
            var diagnosis = rtStart.AddDays(-random.Next(before ? 120 : 14, before ? 200 : 45));
            var age = Math.Clamp(Normal(56, 14), 18, 85);
            var (followUpEnd, lost) = FollowUp(surgery);
            var deathAt = Exponential(e.DeathRate);
            var died = deathAt < followUpEnd;
            var end = died ? deathAt : followUpEnd;
            var lastDate = At(surgery, end, surgery.AddDays(1 << 20));

            PatientRow("deep", diagnosis, age, histology, site, size, grade, metastatic: true, Pick(("never", 0.6), ("former", 0.25), ("current", 0.15)));
            Row(LongFiles.Surgeries, id, Date(surgery), "primary", "primary_site", Pick(("R0", 0.8), ("R1", 0.2)), "", "", "", "", YesNo(Chance(e.WoundComplicationShare)));
            Row(LongFiles.Radiotherapy, id, "neoadjuvant", "primary_site", "40.05", "15", Date(rtStart), Date(rtEnd),
                Chance(e.LateToxicityShare) ? Pick(("1", 0.7), ("2", 0.3)) : "0");
            Event(diagnosis, "distant_metastasis", "lung", random.Next(1, 6).ToString(CultureInfo.InvariantCulture));
            if (before)
            {
                Line("doxorubicin", "palliative", diagnosis.AddDays(random.Next(10, 30)), diagnosis, rtStart.AddDays(-7));
            }
            if (after)
            {
                Line("doxorubicin + ifosfamide", "adjuvant", surgery.AddDays(random.Next(30, 80)), diagnosis, lastDate);
            }
            else if (Exponential(e.NextLineRate) is var next && next < end)
            {
                // Systemic therapy-free survival: the next line after surgery (or death).
                Line("trabectedin", "palliative", At(surgery, next, lastDate), diagnosis, lastDate);
            }
            var lrAt = Exponential(e.LrRate);
            if (lrAt < end)
            {
                Event(At(surgery, lrAt, lastDate), "local_recurrence", "");
            }
            var progression = Exponential(e.ProgressionRate);
            if (progression < end)
            {
                Event(At(surgery, progression, lastDate), "distant_metastasis", Pick(("lung", 0.6), ("liver", 0.2), ("bone", 0.2)));
            }
            Ending(surgery, lastDate, died, lost, relapsed: true, _ => true);
        }

        /// <summary>Seed 002: LMS, SyS or UPS with a first complete pulmonary metastasectomy in 2009–2021.</summary>
        public void Metastasectomy()
        {
            var e = options.Seed002;
            var histology = Pick(("8890/3", 0.45), ("8802/3", 0.3), ("9040/3", 0.25));
            var site = Pick(("extremity_lower", 0.45), ("extremity_upper", 0.1), ("trunk", 0.2), ("visceral", 0.15), ("head_neck", 0.1));
            var metastasectomy = Day(2009, 2021);
            var dm = metastasectomy.AddDays(-random.Next(30, 75));
            var longTfi = Chance(e.LongTfiShare);
            var tfi = longTfi ? 12.5 + Exponential(1 / 20.0) : 3 + 9 * random.NextDouble();
            var surgery = dm.AddDays(-(int)Math.Round(tfi * EndpointTime.DaysPerMonth));
            var diagnosis = surgery.AddDays(-random.Next(20, 120));
            var large = Chance(e.LargeLesionShare);
            var lesion = Math.Round(large ? 2.1 + Exponential(1 / 1.2) : 0.4 + 1.6 * random.NextDouble(), 1);
            var systemic = Chance(e.PerioperativeSystemicShare);
            var age = Math.Clamp(Normal(55, 14), 18, 85);
            var (followUpEnd, lost) = FollowUp(metastasectomy);
            var deathAt = Exponential(e.DeathRate * (large ? e.DeathHazardRatioLarge : 1.0) * (longTfi ? e.DeathHazardRatioLongTfi : 1.0));
            var died = deathAt < followUpEnd;
            var end = died ? deathAt : followUpEnd;
            var lastDate = At(metastasectomy, end, metastasectomy.AddDays(1 << 20));
            var recurrence = Exponential(e.RecurrenceRate * (large ? e.RecurrenceHazardRatioLarge * (systemic ? e.RecurrenceHazardRatioSystemicLarge : 1.0) : 1.0));

            PatientRow("deep", diagnosis, age, histology, site, Size(8, 0.5), Pick(("2", 0.35), ("3", 0.65)), metastatic: false, Pick(("never", 0.6), ("former", 0.25), ("current", 0.15)));
            Row(LongFiles.Surgeries, id, Date(surgery), "primary", "primary_site", Pick(("R0", 0.8), ("R1", 0.2)), "", "", "", "", "");
            Event(dm, "distant_metastasis", "lung", random.Next(1, 5).ToString(CultureInfo.InvariantCulture), Number(lesion));
            var clavien = Chance(e.MajorComplicationShare) ? Pick(("IIIa", 0.5), ("IIIb", 0.5)) : Pick(("none", 0.8), ("I", 0.1), ("II", 0.1));
            Row(LongFiles.Surgeries, id, Date(metastasectomy), "metastasectomy", "lung", "R0", "", random.Next(1, 5).ToString(CultureInfo.InvariantCulture), Number(lesion), clavien, "");
            if (systemic)
            {
                Line("doxorubicin + ifosfamide", "perioperative", metastasectomy.AddDays(-random.Next(20, 60)), diagnosis, lastDate);
            }
            if (recurrence < end)
            {
                Event(At(metastasectomy, recurrence, lastDate), "distant_metastasis", Pick(("lung", 0.7), ("liver", 0.15), ("bone", 0.15)));
            }
            Ending(surgery, lastDate, died, lost, relapsed: true, on => on >= dm);
        }

        /// <summary>Seed 004: a primary retroperitoneal sarcoma resected in 2003–2017; survival after the first relapse by its type.</summary>
        public void Retroperitoneal()
        {
            var e = options.Seed004;
            var histology = Pick(("8858/3", 0.35), ("8850/3", 0.2), ("8890/3", 0.25), ("8802/3", 0.1), ("9540/3", 0.1));
            var grade = Pick(("1", 0.3), ("2", 0.35), ("3", 0.3), ("X", 0.05));
            var surgery = Day(2003, 2017);
            var diagnosis = surgery.AddDays(-random.Next(20, 90));
            var age = Math.Clamp(Normal(58, 12), 18, 90);
            var (followUpEnd, lost) = FollowUp(surgery);
            var relapseAt = double.NaN;
            if (Chance(e.RelapseShare))
            {
                for (var k = 0; k < 20 && double.IsNaN(relapseAt); k++)
                {
                    var r = 2 + Exponential(1 / 30.0);
                    relapseAt = r < followUpEnd - 1 ? r : double.NaN;
                }
            }
            var type = double.IsNaN(relapseAt) ? "" : Pick(("lr", e.LrShare), ("dm", e.DmShare), ("both", 1 - e.LrShare - e.DmShare));
            var resected = type is "lr" or "both" && Chance(e.ResectedShare);
            double deathAt;
            if (type == "")
            {
                deathAt = Exponential(0.002);
            }
            else
            {
                var (median, shape) = type == "lr" ? e.AfterLr : type == "dm" ? e.AfterDm : e.AfterBoth;
                var factor = type != "lr" ? 1.0 : resected ? e.ResectedTimeFactor : e.NotResectedTimeFactor;
                deathAt = relapseAt + factor * median / Math.Pow(Math.Log(2), 1 / shape) * Math.Pow(-Math.Log(1 - random.NextDouble()), 1 / shape);
            }
            var died = deathAt < followUpEnd;
            var end = died ? deathAt : followUpEnd;
            var lastDate = At(surgery, end, surgery.AddDays(1 << 20));
            DateOnly? relapse = type == "" ? null : At(surgery, relapseAt, lastDate);

            PatientRow("deep", diagnosis, age, histology, "retroperitoneum", Size(15, 0.55), grade, metastatic: false, Pick(("never", 0.6), ("former", 0.25), ("current", 0.15)));
            Row(LongFiles.Surgeries, id, Date(surgery), "primary", "primary_site", Pick(("R0", 0.6), ("R1", 0.4)), "", "", "", "", "");
            if (relapse is { } on)
            {
                if (type is "lr" or "both")
                {
                    Event(on, "local_recurrence", "");
                }
                if (type is "dm" or "both")
                {
                    Event(on, "distant_metastasis", Pick(("lung", 0.5), ("liver", 0.3), ("bone", 0.1), ("other", 0.1)));
                }
                if (resected)
                {
                    Row(LongFiles.Surgeries, id, Date(Clamp(on.AddDays(random.Next(14, 60)), lastDate)), "recurrence_resection", "primary_site",
                        Pick(("R0", 0.6), ("R1", 0.3), ("R2", 0.1)), "", "", "", Pick(("none", 0.7), ("I", 0.15), ("II", 0.1), ("IIIb", 0.05)), "");
                }
            }
            Ending(surgery, lastDate, died, lost, relapsed: relapse is not null, day => relapse is { } r && r <= day);
        }

        /// <summary>Months of possible follow-up from <paramref name="origin"/> (to the cut-off or a loss), and whether the patient is lost.</summary>
        private (double End, bool Lost) FollowUp(DateOnly origin)
        {
            var cutoff = (options.DataCutoff.DayNumber - origin.DayNumber) / EndpointTime.DaysPerMonth;
            var lossAt = Exponential(options.LossToFollowUpRate);
            return (Math.Min(cutoff, lossAt), lossAt < cutoff);
        }

        private void PatientRow(string depth, DateOnly diagnosis, double age, string histology, string site, double size, string grade, bool metastatic, string smoking)
        {
            var birth = diagnosis.AddDays(-(int)(age * EndpointTime.DaysPerYear));
            Row(LongFiles.Patients, id, Pick(("MUC", 0.4), ("BER", 0.35), ("HAM", 0.25)), Chance(0.55) ? "M" : "F", Date(birth), Date(diagnosis), histology, site, depth,
                Number(size), grade, YesNo(metastatic), smoking, Number(Math.Round(Math.Clamp(Normal(27, 5), 16, 50), 1)),
                Math.Min(8, (int)Exponential(0.7)).ToString(CultureInfo.InvariantCulture));
        }

        /// <summary>
        /// Death (with its cause) and the follow-up contacts: every 3 months for 3 years, every 6 to 5 years, then yearly,
        /// until the last date; a living patient's last contact is on the last date, with status lost when lost to follow-up.
        /// </summary>
        private void Ending(DateOnly surgery, DateOnly lastDate, bool died, bool lost, bool relapsed, Func<DateOnly, bool> withDisease)
        {
            if (died)
            {
                var cause = relapsed ? (Chance(0.9) ? "sarcoma" : "other") : Pick(("other", 0.75), ("unknown", 0.2), ("treatment", 0.05));
                Row(LongFiles.Events, id, Date(lastDate), "death", "", "", "", cause);
            }
            var contact = surgery;
            for (var k = 1; ; k++)
            {
                contact = contact.AddMonths(k <= 12 ? 3 : k <= 16 ? 6 : 12).AddDays(random.Next(-10, 11));
                if (contact >= lastDate)
                {
                    break;
                }
                Row(LongFiles.FollowUp, id, Date(contact), withDisease(contact) ? "awd" : "ned");
            }
            if (!died)
            {
                Row(LongFiles.FollowUp, id, Date(lastDate), lost ? "lost" : withDisease(lastDate) ? "awd" : "ned");
            }
        }

        private void Event(DateOnly on, string kind, string site, string lesions = "", string maxLesion = "") =>
            Row(LongFiles.Events, id, Date(on), kind, site, lesions, maxLesion, "");

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

        private DateOnly Day(int firstYear, int lastYear)
        {
            var first = new DateOnly(firstYear, 1, 1);
            return first.AddDays(random.Next(0, new DateOnly(lastYear, 12, 31).DayNumber - first.DayNumber + 1));
        }

        /// <summary>A size in cm, log-normal around <paramref name="median"/>, 0.8–45 cm to one decimal.</summary>
        private double Size(double median, double logSd) => Math.Round(Math.Clamp(Math.Exp(Normal(Math.Log(median), logSd)), 0.8, 45), 1);

        private string Pick(params (string Value, double Weight)[] choices)
        {
            var total = 0.0;
            foreach (var c in choices)
            {
                total += c.Weight;
            }
            var u = random.NextDouble() * total;
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

        /// <summary>The date <paramref name="months"/> after <paramref name="origin"/> (at least a day), not after <paramref name="latest"/>.</summary>
        private static DateOnly At(DateOnly origin, double months, DateOnly latest) =>
            Clamp(origin.AddDays(Math.Max(1, (int)Math.Round(Math.Min(months, 1e4) * EndpointTime.DaysPerMonth))), latest);

        private static DateOnly Clamp(DateOnly date, DateOnly latest) => date > latest ? latest : date;

        private static string YesNo(bool value) => value ? "yes" : "no";

        private static string Date(DateOnly? date) => date is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "";

        private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
    }
}
