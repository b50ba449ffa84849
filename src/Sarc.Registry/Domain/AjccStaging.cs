namespace Sarc.Registry.Domain;

/// <summary>
/// AJCC 8th edition soft-tissue sarcoma T category and stage group from what the registry records at diagnosis
/// (size, FNCLCC grade, site, distant metastasis at diagnosis), assuming N0: the template records no lymph nodes.
/// See docs/formats.md for which sites are staged and why.
/// </summary>
public static class AjccStaging
{
    /// <summary>
    /// Extremity, trunk and retroperitoneum: T1 ≤ 5 cm, T2 &gt; 5–10, T3 &gt; 10–15, T4 &gt; 15; <c>TX</c> when size is
    /// unknown. Head and neck: T1 ≤ 2 cm, T2 &gt; 2–4, T3 &gt; 4 (T4, invasion of adjoining structures, is not
    /// recorded). Visceral sites are staged by organ involvement, not size: null.
    /// </summary>
    public static string? TCategory(TumorSite site, double? sizeCm)
    {
        if (site == TumorSite.Visceral)
        {
            return null;
        }
        if (sizeCm is not { } size)
        {
            return "TX";
        }
        if (site == TumorSite.HeadNeck)
        {
            return size <= 2 ? "T1" : size <= 4 ? "T2" : "T3";
        }
        return size <= 5 ? "T1" : size <= 10 ? "T2" : size <= 15 ? "T3" : "T4";
    }

    /// <summary>
    /// Stage group for extremity, trunk and retroperitoneum, N0: M1 (<paramref name="metastaticAtDiagnosis"/>) IV
    /// whatever T and grade; otherwise IA T1 G1/GX; IB T2–T4 G1/GX; II T1 G2–3; IIIA T2 G2–3; IIIB T3–T4 G2–3. Null
    /// when an M0 tumor's size is unknown or the site has no AJCC stage groups (head and neck, visceral).
    /// </summary>
    public static string? StageGroup(TumorSite site, double? sizeCm, FnclccGrade grade, bool metastaticAtDiagnosis)
    {
        if (site is TumorSite.HeadNeck or TumorSite.Visceral)
        {
            return null;
        }
        if (metastaticAtDiagnosis)
        {
            return "IV";
        }
        if (sizeCm is null)
        {
            return null;
        }
        var t = TCategory(site, sizeCm);
        var lowGrade = grade is FnclccGrade.G1 or FnclccGrade.GX;
        return (t, lowGrade) switch
        {
            ("T1", true) => "IA",
            (_, true) => "IB",
            ("T1", false) => "II",
            ("T2", false) => "IIIA",
            _ => "IIIB",
        };
    }
}
