using Sarc.Registry.Audit;
using Sarc.Registry.Domain;
using Sarc.Registry.Import;
using Sarc.Registry.LongFormat;
using Sarc.Registry.Template;
using Sarc.Registry.Validation;
using Sarc.Statistics;

namespace Sarc.Registry.Storage;

/// <summary>
/// One import in one transaction, all or nothing, under the registry's write lock (<see cref="RegistryDatabase.BeginWrite"/>):
/// checks what needs the registry against the registry as it is under the lock — the importing user's centers
/// (<see cref="ImportBatch.WritableCenters"/>), a patient already there may change only when updating, a row made on an
/// older version of its patient (<see cref="ImportRow.OpenedVersion"/>, <see cref="ImportAddition.OpenedVersion"/>) is refused, an added entry needs its patient, a
/// flat row merged into a stored patient or entries added to one must still satisfy <see cref="RecordRules"/> — then
/// writes every patient and its audit records. Any problem rolls everything back and is returned, never thrown.
/// </summary>
internal sealed class ImportTransaction(RegistryDatabase db, PatientReader reader, AuditTrail trail)
{
    /// <summary>Patients between two progress reports: often enough for a terminal, rare enough to cost nothing.</summary>
    private const int ProgressEvery = 500;

    public ImportResult Run(ImportBatch batch, bool update, AuditContext audit, ImportSource? source, IProgress<ImportProgress>? progress)
    {
        using var tx = db.BeginWrite();
        FaultPoints.Reach(FaultPoints.Locked);
        var existing = StoredCenters(tx);
        var centers = batch.WritableCenters;
        var errors = new List<ImportError>();
        var needed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in batch.Rows)
        {
            var id = row.Record.Id;
            var isStored = existing.TryGetValue(id, out var storedCenter);
            if (centers is not null && !centers.Contains(row.Record.Patient.Center))
            {
                errors.Add(new ImportError(row.Line, "center", $"'{row.Record.Patient.Center}' is not one of your centers", row.File));
                continue;
            }
            if (isStored && centers is not null && !centers.Contains(storedCenter!))
            {
                // Same wording whether or not the id exists elsewhere, so that another center's patient is not confirmed.
                errors.Add(new ImportError(row.Line, "patient_id", $"'{id}' cannot be used", row.File));
                continue;
            }
            if (!isStored)
            {
                if (row.OpenedVersion is not null)
                {
                    errors.Add(new ImportError(row.Line, "patient_id", $"'{id}' is no longer in the registry: it was deleted since you opened it", row.File, ImportErrorKind.ChangedSinceOpened));
                }
                continue;
            }
            if (update)
            {
                needed.Add(id);
            }
            else
            {
                errors.Add(new ImportError(row.Line, "patient_id", $"'{id}' is already in the registry", row.File, ImportErrorKind.AlreadyInRegistry));
            }
        }
        var added = new Dictionary<string, List<ImportAddition>>(StringComparer.Ordinal);
        foreach (var addition in batch.Additions)
        {
            if (!existing.TryGetValue(addition.PatientId, out var storedCenter) || (centers is not null && !centers.Contains(storedCenter)))
            {
                errors.Add(new ImportError(addition.Line, "patient_id", $"'{addition.PatientId}' is neither in the patients file nor in the registry", addition.File));
            }
            else if (!update)
            {
                errors.Add(new ImportError(addition.Line, "patient_id", $"'{addition.PatientId}' is already in the registry: this row would add to it", addition.File, ImportErrorKind.AlreadyInRegistry));
            }
            else
            {
                needed.Add(addition.PatientId);
                if (!added.TryGetValue(addition.PatientId, out var list))
                {
                    added[addition.PatientId] = list = [];
                }
                list.Add(addition);
            }
        }
        if (errors.Count > 0)
        {
            tx.Rollback();
            return ImportResult.Failed(LongFormatParser.Sorted(errors));
        }
        var stored = needed.Count == 0 ? new Dictionary<string, PatientRecord>() : reader.Load(tx, needed);
        FaultPoints.Reach(FaultPoints.Read);
        var changes = new List<(PatientRecord? Before, PatientRecord After)>(batch.Rows.Count + added.Count);
        foreach (var row in batch.Rows)
        {
            if (!stored.TryGetValue(row.Record.Id, out var before))
            {
                changes.Add((null, row.Record));
                continue;
            }
            if (ChangedSince(tx, row.OpenedVersion, before, row.Line, row.File) is { } changed)
            {
                errors.Add(changed);
                continue;
            }
            if (!row.FlatView)
            {
                // A whole record replaces the stored one; checked again here for callers that build records in code (forms).
                if (RecordRules.Check(PatientDraft.Of(row.Record, new SourceRow(row.File, row.Line)), errors))
                {
                    changes.Add((before, row.Record));
                }
                continue;
            }
            var draft = PatientDraft.Of(TemplateMerge.Merge(before, row.Record), new SourceRow(row.File, row.Line));
            if (RecordRules.Check(draft, errors))
            {
                changes.Add((before, draft.ToRecord()));
            }
        }
        foreach (var (id, additions) in added)
        {
            var before = stored[id];
            var draft = PatientDraft.Of(before, SourceRow.Registry);
            var stale = false;
            foreach (var addition in additions)
            {
                if (ChangedSince(tx, addition.OpenedVersion, before, addition.Line, addition.File) is { } changed)
                {
                    errors.Add(changed);
                    stale = true;
                }
                LongFormatParser.Add(draft, addition.Entry, new SourceRow(addition.File, addition.Line));
            }
            if (!stale && RecordRules.Check(draft, errors))
            {
                changes.Add((before, draft.ToRecord()));
            }
        }
        if (errors.Count > 0)
        {
            tx.Rollback();
            return ImportResult.Failed(LongFormatParser.Sorted(errors));
        }
        Stages.Mark("import: lock, check, read stored");
        var (inserted, updated, unchanged) = Write(tx, changes, audit, source, progress);
        if (inserted + updated > 0)
        {
            RegistryVersion.Advance(db, tx);
        }
        FaultPoints.Reach(FaultPoints.BeforeCommit);
        tx.Commit();
        FaultPoints.Reach(FaultPoints.Committed);
        Stages.Mark("import: commit");
        return new ImportResult(inserted, updated, unchanged, []);
    }

    /// <summary>
    /// Writes the changes' rows, then their audit records in the order of the changes. A stored patient's rows are
    /// replaced row by row; new patients' rows go row by row too, or, where the store can
    /// (<see cref="RegistryDatabase.CanCopy"/>, PostgreSQL), by one binary COPY per table, and then the audit records by
    /// one more. Either way the same rows and the same audit records in the same order, so the same hash chain.
    /// </summary>
    private (int Inserted, int Updated, int Unchanged) Write(System.Data.Common.DbTransaction tx, List<(PatientRecord? Before, PatientRecord After)> changes,
        AuditContext audit, ImportSource? source, IProgress<ImportProgress>? progress)
    {
        var copy = db.CanCopy;
        var copied = new List<PatientRecord>();
        var diffs = new List<AuditChange>?[changes.Count];
        int inserted = 0, updated = 0, unchanged = 0, done = 0;
        using var rows = new PatientRowWriter(db, tx);
        void Written()
        {
            FaultPoints.Reach(FaultPoints.RowWritten);
            done++;
            if (progress is not null && done % ProgressEvery == 0)
            {
                progress.Report(new ImportProgress("writing", done, changes.Count));
            }
        }
        for (var i = 0; i < changes.Count; i++)
        {
            var (before, after) = changes[i];
            if (before is null)
            {
                inserted++;
                if (copy)
                {
                    // Written (and counted) with its table's COPY below.
                    copied.Add(after);
                    continue;
                }
                rows.Insert(after);
            }
            else if ((diffs[i] = RecordDiff.Between(before, after)).Count == 0)
            {
                unchanged++;
            }
            else
            {
                rows.Replace(after);
                updated++;
            }
            Written();
        }
        db.FlushRows(tx);
        Stages.Mark("import: rows written row by row");
        if (copied.Count > 0)
        {
            // Progress counts a table's share of each patient, so that it moves through every table's COPY.
            var (before, tables) = (done, PatientRowWriter.Tables.Count);
            rows.Copy(copied, (table, i) =>
            {
                if (table == tables - 1)
                {
                    FaultPoints.Reach(FaultPoints.RowWritten);
                }
                if (progress is not null && (i + 1) % ProgressEvery == 0)
                {
                    progress.Report(new ImportProgress("writing", before + (int)(((long)table * copied.Count + i + 1) / tables), changes.Count));
                }
            });
        }
        progress?.Report(new ImportProgress("writing", changes.Count, changes.Count));
        using (var log = trail.Begin(tx, audit, source, copy))
        {
            for (var i = 0; i < changes.Count; i++)
            {
                var after = changes[i].After;
                if (diffs[i] is not { } diff)
                {
                    log.Write(AuditAction.Insert, after.Id, "patient", null, null, null, RecordDiff.Json(after));
                    continue;
                }
                foreach (var c in diff)
                {
                    log.Write(c.Action, after.Id, c.Entity, c.Field, c.Item, c.OldValue, c.NewValue);
                }
            }
            log.Complete();
        }
        db.FlushRows(tx);
        Stages.Mark("import: audit (JSON, SHA-256, write)");
        return (inserted, updated, unchanged);
    }

    /// <summary>
    /// The refusal of a row or an added entry made on version <paramref name="opened"/> of its patient when the patient
    /// is now at another (<paramref name="stored"/>, read under the write lock), naming the newest change's author and
    /// time; null when nothing was opened (no version given) or the version still stands.
    /// </summary>
    private ImportError? ChangedSince(System.Data.Common.DbTransaction tx, int? opened, PatientRecord stored, int line, string? file)
    {
        if (opened is null || opened == stored.Version)
        {
            return null;
        }
        var last = trail.LastOf(tx, stored.Id);
        var by = last is null ? "someone" : last.Who;
        var at = last is null ? "" : $" at {last.At.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)} UTC";
        return new ImportError(line, "patient_id",
            $"'{stored.Id}' was changed by {by}{at} since you opened it (version {opened}, now {stored.Version}); nothing was saved",
            file, ImportErrorKind.ChangedSinceOpened);
    }

    /// <summary>Every stored patient's center, by id, as it is under the write lock.</summary>
    private Dictionary<string, string> StoredCenters(System.Data.Common.DbTransaction tx)
    {
        var centers = new Dictionary<string, string>(StringComparer.Ordinal);
        using var r = db.Query(tx, "SELECT id, center FROM patient");
        while (r.Read())
        {
            centers[r.Text(0)] = r.Text(1);
        }
        return centers;
    }
}
