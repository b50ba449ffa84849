using Sarc.Registry.Codes;
using Sarc.Registry.Domain;
using Sarc.Registry.Template;

namespace Sarc.Registry.Validation;

/// <summary>
/// The rules that span a patient's rows (docs/formats.md): exactly one primary surgery; at most one death; no date
/// before birth; no treatment before diagnosis; nothing after death; no local recurrence before the primary surgery;
/// no exact duplicate row. Each problem is reported at a row that was imported — an entry already in the registry is
/// valid by itself, so a conflict with it is reported at the new row that causes it.
/// </summary>
internal static class RecordRules
{
    /// <summary>Adds every problem of <paramref name="draft"/> to <paramref name="errors"/>; returns whether there was none.</summary>
    public static bool Check(PatientDraft draft, List<ImportError> errors)
    {
        var before = errors.Count;
        if (draft.Patient is null || draft.Tumor is null)
        {
            return false;
        }
        var checker = new Checker(draft, errors);
        checker.Primary();
        checker.Death();
        checker.Dates();
        checker.Duplicates(draft.Surgeries, EntryCells.Of, "surgery");
        checker.Duplicates(draft.Radiotherapy, EntryCells.Of, "radiotherapy course");
        checker.Duplicates(draft.Systemic, EntryCells.Of, "systemic therapy line");
        checker.Duplicates(draft.Events, EntryCells.Of, "event");
        checker.Duplicates(draft.FollowUps, EntryCells.Of, "follow-up contact");
        return errors.Count == before;
    }

    private readonly record struct Dated(DateOnly Date, string What, string Column, SourceRow Where, bool Treatment);

    private sealed class Checker(PatientDraft draft, List<ImportError> errors)
    {
        private readonly Patient patient = draft.Patient!;
        private readonly PrimaryTumor tumor = draft.Tumor!;

        public void Primary()
        {
            var primary = FirstOf(draft.Surgeries, s => s.Kind == SurgeryKind.Primary, (first, s) =>
                Report(s.Where, "kind", $"a second primary surgery for '{draft.Id}' (exactly one per patient; the first is {first.Where.Describe(s.Where.File)})",
                    first.Where, "kind", $"a second primary surgery for '{draft.Id}' ({s.Where.Describe(first.Where.File)}; exactly one per patient)"));
            if (primary is null)
            {
                Add(draft.PatientRow, draft.PatientFile, "patient_id", $"'{draft.Id}' has no primary surgery (a surgery of kind primary is required: it is the time origin)");
            }
        }

        public void Death() =>
            FirstOf(draft.Events, e => e.Kind == OutcomeEventKind.Death, (first, e) =>
                Report(e.Where, "kind", $"a second death for '{draft.Id}' (the first is {first.Where.Describe(e.Where.File)})",
                    first.Where, "kind", $"a second death for '{draft.Id}' ({e.Where.Describe(first.Where.File)})"));

        // The first entry of a kind a patient has at most once; each later one goes to `second` with the first.
        private static Located<T>? FirstOf<T>(List<Located<T>> entries, Func<T, bool> isKind, Action<Located<T>, Located<T>> second)
        {
            Located<T>? first = null;
            foreach (var entry in entries)
            {
                if (!isKind(entry.Entry))
                {
                    continue;
                }
                if (first is null)
                {
                    first = entry;
                }
                else
                {
                    second(first, entry);
                }
            }
            return first;
        }

        public void Dates()
        {
            if (tumor.DiagnosisDate <= patient.BirthDate)
            {
                Add(draft.PatientRow, draft.PatientFile, "diagnosis_date", $"{CellText.Date(tumor.DiagnosisDate)} is not after birth_date {CellText.Date(patient.BirthDate)}");
            }
            var dated = new List<Dated>();
            foreach (var s in draft.Surgeries)
            {
                dated.Add(new(s.Entry.Date, RegistryCodes.SurgeryKind.Label(s.Entry.Kind), "date", s.Where, Treatment: true));
            }
            foreach (var c in draft.Radiotherapy)
            {
                Range(dated, c.Entry.StartDate, c.Entry.EndDate, "radiotherapy", c.Where);
            }
            foreach (var l in draft.Systemic)
            {
                Range(dated, l.Entry.StartDate, l.Entry.EndDate, "systemic therapy", l.Where);
            }
            Located<OutcomeEvent>? death = null;
            foreach (var e in draft.Events)
            {
                if (e.Entry.Kind == OutcomeEventKind.Death)
                {
                    death ??= e;
                    continue;
                }
                dated.Add(new(e.Entry.Date, RegistryCodes.EventKind.Label(e.Entry.Kind), "date", e.Where, Treatment: false));
            }
            foreach (var f in draft.FollowUps)
            {
                dated.Add(new(f.Entry.Date, "follow-up contact", "date", f.Where, Treatment: false));
            }
            if (death is not null)
            {
                dated.Add(new(death.Entry.Date, "death", "date", death.Where, Treatment: false));
            }
            var birth = CellText.Date(patient.BirthDate);
            var diagnosis = CellText.Date(tumor.DiagnosisDate);
            foreach (var d in dated)
            {
                var date = CellText.Date(d.Date);
                if (d.Date < patient.BirthDate)
                {
                    Report(d.Where, d.Column, $"{date} is before birth_date {birth}",
                        draft.PatientRow, "birth_date", $"{birth} is after the {d.What} on {date} {d.Where.Describe(draft.PatientFile)}");
                }
                else if (d.Treatment && d.Date < tumor.DiagnosisDate)
                {
                    Report(d.Where, d.Column, $"{date} is before diagnosis_date {diagnosis}",
                        draft.PatientRow, "diagnosis_date", $"{diagnosis} is after the {d.What} on {date} {d.Where.Describe(draft.PatientFile)}");
                }
                if (death is not null && d.Date > death.Entry.Date)
                {
                    var on = CellText.Date(death.Entry.Date);
                    Report(d.Where, d.Column, $"{date} is after the death on {on}",
                        death.Where, "date", $"the death on {on} is before the {d.What} on {date} {d.Where.Describe(death.Where.File)}");
                }
            }
            var primary = draft.Surgeries.Find(s => s.Entry.Kind == SurgeryKind.Primary);
            if (primary is not null)
            {
                var on = CellText.Date(primary.Entry.Date);
                foreach (var e in draft.Events)
                {
                    if (e.Entry.Kind == OutcomeEventKind.LocalRecurrence && e.Entry.Date < primary.Entry.Date)
                    {
                        var date = CellText.Date(e.Entry.Date);
                        Report(e.Where, "date", $"{date} is before the primary surgery on {on}",
                            primary.Where, "date", $"the primary surgery on {on} is after the local recurrence on {date} {e.Where.Describe(primary.Where.File)}");
                    }
                }
            }
        }

        public void Duplicates<T>(List<Located<T>> entries, Func<T, string[]> cells, string what)
        {
            if (entries.Count < 2)
            {
                return;
            }
            var seen = new Dictionary<string, SourceRow>(StringComparer.Ordinal);
            // Entries already stored first, so that a re-imported row is named, not the stored one.
            foreach (var e in entries.Where(e => e.Where.InRegistry).Concat(entries.Where(e => !e.Where.InRegistry)))
            {
                var key = string.Join('\u001f', cells(e.Entry));
                if (seen.TryGetValue(key, out var first))
                {
                    Add(e.Where, e.Where.File, "(row)", $"duplicates the {what} {first.Describe(e.Where.File)}");
                }
                else
                {
                    seen.Add(key, e.Where);
                }
            }
        }

        private static void Range(List<Dated> dated, DateOnly? start, DateOnly? end, string what, SourceRow where)
        {
            if (start is { } s)
            {
                dated.Add(new(s, what + " start", "start_date", where, Treatment: true));
            }
            if (end is { } e)
            {
                dated.Add(new(e, what + " end", "end_date", where, Treatment: true));
            }
        }

        /// <summary>At <paramref name="where"/> when that row was imported, else at <paramref name="other"/> (the imported row in conflict with it).</summary>
        private void Report(SourceRow where, string column, string problem, SourceRow other, string otherColumn, string otherProblem)
        {
            if (!where.InRegistry)
            {
                Add(where, where.File, column, problem);
            }
            else if (!other.InRegistry)
            {
                Add(other, other.File, otherColumn, otherProblem);
            }
        }

        private void Add(SourceRow where, string? file, string column, string problem)
        {
            if (!where.InRegistry)
            {
                errors.Add(new ImportError(where.Line, column, problem, where.File ?? file));
            }
        }
    }
}
