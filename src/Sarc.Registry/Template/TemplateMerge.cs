using Sarc.Registry.Domain;

namespace Sarc.Registry.Template;

/// <summary>
/// Applies a flat-template row to a patient already in the registry: the row replaces what the template shows and
/// keeps everything it cannot show (other surgeries and their complications, other courses, systemic therapy, later
/// recurrences and metastases, earlier follow-up contacts, the metastatic-at-diagnosis flag), so that a flat export →
/// edit → import changes only what was edited. Merging a row equal to the record's own view gives the record back.
/// The row's <c>last_followup_date</c> is the last contact: contacts after it (after the death, for a row with a death)
/// are removed, and a contact on that date is added when there is none.
/// </summary>
internal static class TemplateMerge
{
    /// <param name="existing">The patient as stored.</param>
    /// <param name="flat">The row as the flat parser built it (<see cref="ImportRow.FlatView"/>).</param>
    public static PatientRecord Merge(PatientRecord existing, PatientRecord flat)
    {
        var tumor = flat.Tumor with { MetastaticAtDiagnosis = existing.Tumor.MetastaticAtDiagnosis };
        var primary = flat.PrimarySurgery;
        var surgeries = existing.Surgeries
            .Select(s => ReferenceEquals(s, existing.PrimarySurgery) ? s with { Date = primary.Date, Margin = primary.Margin, NecrosisPct = primary.NecrosisPct } : s)
            .ToList();

        var radiotherapy = existing.Radiotherapy.ToList();
        var oldCourse = existing.PrimaryRadiotherapy;
        var newCourse = flat.PrimaryRadiotherapy;
        if (oldCourse is not null)
        {
            var at = radiotherapy.IndexOf(oldCourse);
            if (newCourse is null)
            {
                radiotherapy.RemoveAt(at);
            }
            else
            {
                radiotherapy[at] = oldCourse with { Setting = newCourse.Setting, DoseGy = newCourse.DoseGy, Fractions = newCourse.Fractions, EndDate = newCourse.EndDate };
            }
        }
        else if (newCourse is not null)
        {
            radiotherapy.Add(newCourse);
        }

        var events = existing.Events.ToList();
        ReplaceFirst(events, existing.First(OutcomeEventKind.LocalRecurrence), flat.First(OutcomeEventKind.LocalRecurrence));
        ReplaceFirst(events, existing.First(OutcomeEventKind.DistantMetastasis), flat.First(OutcomeEventKind.DistantMetastasis));
        ReplaceFirst(events, existing.Death, flat.Death, wholeEvent: true);

        var followUps = existing.FollowUps.ToList();
        if (flat.Death is { } death)
        {
            // The row says the last follow-up is the death: contacts after it are what the edit replaces.
            followUps.RemoveAll(f => f.Date > death.Date);
        }
        else
        {
            var last = TemplateCells.LastFollowUp(flat);
            if (existing.Death is not null || TemplateCells.LastFollowUp(existing) != last)
            {
                // "The last follow-up was on D": later contacts go, and a contact on D is recorded if there is none.
                followUps.RemoveAll(f => f.Date > last);
                if (!followUps.Exists(f => f.Date == last))
                {
                    followUps.Add(new FollowUpContact(last, null));
                }
            }
        }
        return new PatientRecord(flat.Patient, tumor, flat.Comorbidity, surgeries, radiotherapy, existing.Systemic, events, followUps);
    }

    /// <summary>Replaces the date of <paramref name="old"/> (or the whole event) by <paramref name="replacement"/>'s, adds or removes it.</summary>
    private static void ReplaceFirst(List<OutcomeEvent> events, OutcomeEvent? old, OutcomeEvent? replacement, bool wholeEvent = false)
    {
        if (old is null)
        {
            if (replacement is not null)
            {
                events.Add(replacement);
            }
            return;
        }
        var at = events.IndexOf(old);
        if (replacement is null)
        {
            events.RemoveAt(at);
        }
        else
        {
            events[at] = wholeEvent ? old with { Date = replacement.Date, Cause = replacement.Cause } : old with { Date = replacement.Date };
        }
    }
}
