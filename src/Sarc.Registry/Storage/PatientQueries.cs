using System.Globalization;
using System.Text;
using Sarc.Registry.Domain;
using R = Sarc.Registry.Codes.RegistryCodes;

namespace Sarc.Registry.Storage;

/// <summary>
/// The narrow reads of lists and the worklist, answered by the database rather than by loading every patient: a
/// <see cref="PatientFilter"/> becomes a <c>WHERE</c> clause (the center scope first, so the <c>patient_center</c>
/// index of migration 7 finds a center's patients), pages are <c>LIMIT</c>/<c>OFFSET</c> over the ids in order, and a
/// <see cref="PatientSummary"/> is one row with a correlated subquery per fact, each an index lookup in its table.
/// The same SQL runs on SQLite and PostgreSQL.
/// </summary>
internal sealed class PatientQueries(RegistryDatabase db)
{
    private static readonly string Primary = R.SurgeryKind.Code(SurgeryKind.Primary);
    private static readonly string LocalRecurrence = R.EventKind.Code(OutcomeEventKind.LocalRecurrence);
    private static readonly string DistantMetastasis = R.EventKind.Code(OutcomeEventKind.DistantMetastasis);
    private static readonly string Death = R.EventKind.Code(OutcomeEventKind.Death);

    /// <summary>The columns of a summary row, in <see cref="ReadSummary"/>'s order.</summary>
    private static readonly string SummaryColumns = $"""
        p.id, p.center, t.histology, t.site, t.grade,
        (SELECT MIN(s.surgery_date) FROM surgery s WHERE s.patient_id = p.id AND s.kind = '{Primary}'),
        (SELECT MIN(e.event_date) FROM outcome_event e WHERE e.patient_id = p.id AND e.kind = '{LocalRecurrence}'),
        (SELECT MIN(e.event_date) FROM outcome_event e WHERE e.patient_id = p.id AND e.kind = '{DistantMetastasis}'),
        (SELECT MIN(e.event_date) FROM outcome_event e WHERE e.patient_id = p.id AND e.kind = '{Death}'),
        (SELECT f.status FROM followup f WHERE f.patient_id = p.id ORDER BY f.seq DESC LIMIT 1),
        (SELECT MAX(s.surgery_date) FROM surgery s WHERE s.patient_id = p.id),
        (SELECT MAX(CASE WHEN r.end_date IS NULL OR r.end_date < r.start_date THEN r.start_date ELSE r.end_date END) FROM radiotherapy r WHERE r.patient_id = p.id),
        (SELECT MAX(CASE WHEN l.end_date IS NULL OR l.end_date < l.start_date THEN l.start_date ELSE l.end_date END) FROM systemic l WHERE l.patient_id = p.id),
        (SELECT MAX(e.event_date) FROM outcome_event e WHERE e.patient_id = p.id),
        (SELECT MAX(f.contact_date) FROM followup f WHERE f.patient_id = p.id)
        """;

    private const string TumorJoin = " JOIN tumor t ON t.patient_id = p.id AND t.seq = 1";

    /// <summary>One page of the patients <paramref name="filter"/> selects (ordered by id), and their number.</summary>
    public PatientSummaryPage Find(PatientFilter filter, int offset, int limit)
    {
        var where = Where(filter);
        var from = "FROM patient p" + (where.NeedsTumor ? TumorJoin : "") + where.Sql;
        var total = CheckedCount(from, where.Values);
        var ids = Ids(from, where.Values, null, offset, limit);
        return new PatientSummaryPage(ids.Count == 0 ? [] : SummariesOf(ids), total);
    }

    /// <summary>Up to <paramref name="limit"/> ids that <paramref name="filter"/> selects, ordinal order, after <paramref name="afterId"/> (null: from the first).</summary>
    public IReadOnlyList<string> Ids(PatientFilter filter, string? afterId, int limit)
    {
        var where = Where(filter);
        return Ids("FROM patient p" + (where.NeedsTumor ? TumorJoin : "") + where.Sql, where.Values, afterId, 0, limit);
    }

    /// <summary>Every patient <paramref name="filter"/> selects, summarized, ordered by id.</summary>
    public IReadOnlyList<PatientSummary> Summaries(PatientFilter filter)
    {
        var where = Where(filter);
        return ReadSummaries($"SELECT {SummaryColumns} FROM patient p{TumorJoin}{where.Sql} ORDER BY p.id", where.Values);
    }

    /// <summary>
    /// The distinct centers, ordinal order: a skip scan of the <c>patient_center</c> index (the next center after the
    /// last one found, one index seek per center) rather than a scan of every patient, which <c>DISTINCT</c> is.
    /// </summary>
    public IReadOnlyList<string> Centers()
    {
        const string sql = """
            WITH RECURSIVE c(center) AS (
                SELECT MIN(center) FROM patient
                UNION ALL
                SELECT (SELECT MIN(p.center) FROM patient p WHERE p.center > c.center) FROM c WHERE c.center IS NOT NULL)
            SELECT center FROM c WHERE center IS NOT NULL
            """;
        var centers = new List<string>();
        using (var r = db.Query(null, sql))
        {
            while (r.Read())
            {
                centers.Add(r.Text(0));
            }
        }
        centers.Sort(StringComparer.Ordinal);
        return centers;
    }

    /// <summary>The center of patient <paramref name="id"/>, or null when there is no such patient.</summary>
    public string? CenterOf(string id)
    {
        using var r = db.Query(null, "SELECT center FROM patient WHERE id = @id", id);
        return r.Read() ? r.Text(0) : null;
    }

    private List<string> Ids(string from, object?[] values, string? afterId, int offset, int limit)
    {
        var sql = new StringBuilder("SELECT p.id ").Append(from);
        var all = new List<object?>(values);
        if (afterId is not null)
        {
            sql.Append(from.Contains(" WHERE ", StringComparison.Ordinal) ? " AND " : " WHERE ").Append("p.id > @after");
            all.Add(afterId);
        }
        sql.Append(" ORDER BY p.id LIMIT @limit OFFSET @offset");
        all.Add(limit);
        all.Add(offset);
        var ids = new List<string>(Math.Min(limit, 1000));
        using var r = db.Query(null, sql.ToString(), [.. all]);
        while (r.Read())
        {
            ids.Add(r.Text(0));
        }
        return ids;
    }

    private int CheckedCount(string from, object?[] values)
    {
        using var r = db.Query(null, "SELECT COUNT(*) " + from, values);
        return r.Read() ? checked((int)r.Long(0)) : 0;
    }

    private List<PatientSummary> SummariesOf(List<string> ids)
    {
        var names = string.Join(", ", ids.Select((_, i) => "@i" + i.ToString(CultureInfo.InvariantCulture)));
        return ReadSummaries($"SELECT {SummaryColumns} FROM patient p{TumorJoin} WHERE p.id IN ({names}) ORDER BY p.id", [.. ids]);
    }

    private List<PatientSummary> ReadSummaries(string sql, object?[] values)
    {
        var summaries = new List<PatientSummary>();
        // Centers and histology codes repeat across thousands of rows: one string each, not one per row.
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        string Shared(string text) => texts.TryGetValue(text, out var shared) ? shared : texts[text] = text;
        using var r = db.Query(null, sql, values);
        while (r.Read())
        {
            summaries.Add(ReadSummary(r, Shared));
        }
        return summaries;
    }

    private PatientSummary ReadSummary(IRowReader r, Func<string, string> shared)
    {
        DateOnly? Date(int column) => r.IsNull(column) ? null : r.Date(column);
        var id = r.Text(0);
        var primary = Date(5) ?? throw new Sarc.Data.DataInputException($"{db.Description}: patient '{id}' has no primary surgery; the database was changed outside sarc");
        var last = primary;
        for (var column = 10; column <= 14; column++)
        {
            if (Date(column) is { } d && d > last)
            {
                last = d;
            }
        }
        return new PatientSummary(
            id,
            shared(r.Text(1)),
            shared(r.Text(2)),
            R.Site.ParseStored(r.Utf8(3)),
            R.Grade.ParseStored(r.Utf8(4)),
            primary,
            Date(6),
            Date(7),
            Date(8),
            last,
            r.IsNull(9) ? null : R.FollowUpStatus.ParseStored(r.Utf8(9)));
    }

    /// <summary>The filter as <c> WHERE ...</c> (or "") with its parameter values in order, and whether it reads the tumor.</summary>
    private (string Sql, object?[] Values, bool NeedsTumor) Where(PatientFilter filter)
    {
        var conditions = new List<string>();
        var values = new List<object?>();
        if (filter.Centers is { } centers)
        {
            if (centers.Count == 0)
            {
                conditions.Add("1 = 0");
            }
            else
            {
                conditions.Add("p.center IN (" + string.Join(", ", centers.Select((_, i) => "@c" + i.ToString(CultureInfo.InvariantCulture))) + ")");
                values.AddRange(centers);
            }
        }
        if (!string.IsNullOrEmpty(filter.Center))
        {
            conditions.Add("p.center = @center");
            values.Add(filter.Center);
        }
        if (!string.IsNullOrEmpty(filter.IdContains))
        {
            // SQLite's LIKE already ignores the case of ASCII letters (and only theirs, as its lower() does): no function
            // call per row. PostgreSQL's LIKE is case-sensitive.
            conditions.Add(db.IsPostgres ? "lower(p.id) LIKE lower(@q) ESCAPE '\\'" : "p.id LIKE @q ESCAPE '\\'");
            values.Add("%" + filter.IdContains.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%");
        }
        if (filter.Site is { } site)
        {
            conditions.Add("t.site = @site");
            values.Add(R.Site.Code(site));
        }
        if (filter.Grade is { } grade)
        {
            conditions.Add("t.grade = @grade");
            values.Add(R.Grade.Code(grade));
        }
        return (conditions.Count == 0 ? "" : " WHERE " + string.Join(" AND ", conditions), [.. values], filter.Site is not null || filter.Grade is not null);
    }
}
