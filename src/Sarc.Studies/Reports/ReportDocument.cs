namespace Sarc.Studies.Reports;

/// <summary>The whole page of a report, ready to render: subtitle, studies, and the provenance footer.</summary>
public sealed record ReportDocument(string Subtitle, IReadOnlyList<StudySection> Studies)
{
    /// <summary>What produced the report, shown in the footer; null for none.</summary>
    public Running.Provenance? Provenance { get; init; }

    /// <summary>The statistical methods paragraph's sentences and its numbered references.</summary>
    public (IReadOnlyList<string> Sentences, IReadOnlyList<string> References) Methods { get; init; } = ([], []);

    /// <summary>Each study's definition SHA-256 by id, for the footer.</summary>
    public IReadOnlyDictionary<string, string> StudyHashes { get; init; } = new Dictionary<string, string>();

    /// <summary>The CSS of the page (a constant: the page has no other style and no script).</summary>
    public const string Css = """
        body{margin:0;background:#f4f4f1;color:#1d1d1d;font:16px/1.55 "Source Serif Pro",Georgia,"DejaVu Serif",serif}
        main{max-width:900px;margin:0 auto;background:#fff;padding:40px 56px 56px;box-shadow:0 0 12px rgba(0,0,0,.08)}
        h1{font:600 30px/1.2 "Helvetica Neue",Arial,"DejaVu Sans",sans-serif;margin:0 0 4px}
        h2{font:600 22px/1.3 "Helvetica Neue",Arial,"DejaVu Sans",sans-serif;margin:42px 0 6px;padding-top:14px;border-top:2px solid #1d1d1d}
        h3{font:600 17px/1.3 "Helvetica Neue",Arial,"DejaVu Sans",sans-serif;margin:28px 0 8px}
        .sub,.meta{color:#555;font-size:14px;margin:0 0 12px}
        .kind{font:500 11px/1 "DejaVu Sans Mono",monospace;color:#666;background:#eee;border-radius:3px;padding:2px 6px;vertical-align:middle}
        table.t{border-collapse:collapse;margin:8px 0 4px;font:14px/1.4 "Helvetica Neue",Arial,"DejaVu Sans",sans-serif;min-width:50%}
        table.t th{text-align:left;font-weight:600;border-top:1.5px solid #1d1d1d;border-bottom:1px solid #1d1d1d;padding:5px 12px 5px 0}
        table.t td{padding:3px 12px 3px 0;border:0}
        table.t tbody tr:last-child td{border-bottom:1.5px solid #1d1d1d}
        table.t td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        table.t tr.level td:first-child{padding-left:18px;color:#333}
        table.t tr.head td{font-weight:600;padding-top:8px}
        .caption,figcaption{font:13px/1.45 "Helvetica Neue",Arial,"DejaVu Sans",sans-serif;color:#444;margin:4px 0 14px}
        figure{margin:14px 0}
        figure img{max-width:100%;height:auto;display:block}
        .error{background:#fff4e5;border-left:4px solid #D55E00;padding:8px 12px;font:14px "Helvetica Neue",Arial,"DejaVu Sans",sans-serif}
        .warning{color:#7a5a00;font:13px "Helvetica Neue",Arial,"DejaVu Sans",sans-serif;margin:2px 0}
        .methods{font-size:15px}
        a{color:#0072B2}
        footer{margin-top:48px;font:12px "Helvetica Neue",Arial,"DejaVu Sans",sans-serif;color:#666;border-top:1px solid #ccc;padding-top:10px}
        footer dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;margin:8px 0}
        footer dt{font-weight:600}
        footer dd{margin:0;word-break:break-all}
        """;
}
