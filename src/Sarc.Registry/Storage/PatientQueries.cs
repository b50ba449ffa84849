using System.Globalization;
using System.Text;
using Sarc.Registry.Domain;
using R = Sarc.Registry.Codes.RegistryCodes;

namespace Sarc.Registry.Storage;

/// <summary>
/// The narrow reads of lists and the worklist, answered by the database rather than by loading every patient: a
/// <see cref="PatientFilter"/> becomes a <c>WHERE</c> clause (the center scope first, so the <c>patient_center</c>
/// index of migration 7 finds a center's patients, and with a site or grade the <c>patient_filter</c> index of
/// migration 8 counts and pages them), pages are <c>LIMIT</c>/<c>OFFSET</c> over the ids in order, and a
/// <see cref="PatientSummary"/> is the summary kept on the patient row (migration 8; written from the record by
/// <see cref="PatientRowWriter"/> with every write of the patient). The same SQL runs on SQLite and PostgreSQL.
/// </summary>
internal sealed class PatientQueries(RegistryDatabase db)
{
    /// <summary>The columns of a summary row (migration 8's summary on the patient row), in <see cref="ReadSummary"/>'s order.</summary>
    private const string SummaryColumns = """
        p.id, p.center, p.histology, p.site, p.grade, p.primary_surgery_date, p.local_recurrence_date, p.distant_metastasis_date,
        p.death_date, p.last_contact_date, p.last_followup_status
        """;

    /// <summary>One page of the patients <paramref name="filter"/> selects (ordered by id), and their number.</summary>
    public PatientSummaryPage Find(PatientFilter filter, int offset, int limit)
    {
        var where = Where(filter);
        var from = "FROM patient p" + where.Sql;
        var (total, ids) = string.IsNullOrEmpty(filter.IdContains)
            ? (CheckedCount(from, where.Values), Ids(from, where.Values, null, offset, limit))
            : CountAndPage(from, where.Values, offset, limit);
        return new PatientSummaryPage(ids.Count == 0 ? [] : SummariesOf(ids), total);
    }

    /// <summary>
    /// The number of ids <paramref name="from"/> selects and those of one page, by one scan: an id search tests every id
    /// of the scope (<c>LIKE</c>), which a count and then a page would do twice.
    /// </summary>
    private (int Total, List<string> Ids) CountAndPage(string from, object?[] values, int offset, int limit)
    {
        var ids = new List<string>(Math.Min(limit, 1000));
        var total = 0;
        using var r = db.Query(null, "SELECT p.id " + from + " ORDER BY p.id", values);
        while (r.Read())
        {
            if (total >= offset && total - offset < limit)
            {
                ids.Add(r.Text(0));
            }
            total = checked(total + 1);
        }
        return (total, ids);
    }

    /// <summary>Up to <paramref name="limit"/> ids that <paramref name="filter"/> selects, ordinal order, after <paramref name="afterId"/> (null: from the first).</summary>
    public IReadOnlyList<string> Ids(PatientFilter filter, string? afterId, int limit)
    {
        var where = Where(filter);
        return Ids("FROM patient p" + where.Sql, where.Values, afterId, 0, limit);
    }

    /// <summary>Every patient <paramref name="filter"/> selects, summarized, ordered by id.</summary>
    public IReadOnlyList<PatientSummary> Summaries(PatientFilter filter)
    {
        var where = Where(filter);
        return ReadSummaries($"SELECT {SummaryColumns} FROM patient p{where.Sql} ORDER BY p.id", where.Values);
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
        return ReadSummaries($"SELECT {SummaryColumns} FROM patient p WHERE p.id IN ({names}) ORDER BY p.id", [.. ids]);
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
        if (r.IsNull(2) || r.IsNull(3) || r.IsNull(4) || r.IsNull(5) || r.IsNull(9))
        {
            throw new Sarc.Data.DataInputException($"{db.Description}: patient '{id}' has no summary; the database was changed outside sarc");
        }
        return new PatientSummary(
            id,
            shared(r.Text(1)),
            shared(r.Text(2)),
            R.Site.ParseStored(r.Utf8(3)),
            R.Grade.ParseStored(r.Utf8(4)),
            r.Date(5),
            Date(6),
            Date(7),
            Date(8),
            r.Date(9),
            r.IsNull(10) ? null : R.FollowUpStatus.ParseStored(r.Utf8(10)));
    }

    /// <summary>The filter as <c> WHERE ...</c> (or "") with its parameter values in order.</summary>
    private (string Sql, object?[] Values) Where(PatientFilter filter)
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
            conditions.Add("p.site = @site");
            values.Add(R.Site.Code(site));
        }
        if (filter.Grade is { } grade)
        {
            conditions.Add("p.grade = @grade");
            values.Add(R.Grade.Code(grade));
        }
        return (conditions.Count == 0 ? "" : " WHERE " + string.Join(" AND ", conditions), [.. values]);
    }
}
