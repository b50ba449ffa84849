using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Sarc.Studies.Reports.Html;

/// <summary>
/// How Sarc encodes text in HTML, for the study report and the web app's pages alike: every Unicode range is written as
/// is (→, ≥, χ², α/β, é), not as character references, while the markup characters (&lt;, &gt;, &amp;, quotes) are still
/// escaped. Both renderers register this one encoder.
/// </summary>
public static class HtmlEncoding
{
    /// <summary>The encoder (thread-safe, shared).</summary>
    public static HtmlEncoder Encoder { get; } = HtmlEncoder.Create(UnicodeRanges.All);
}
