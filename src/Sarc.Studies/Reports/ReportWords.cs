namespace Sarc.Studies.Reports;

/// <summary>Words and number formats the report's tables, captions and figures share.</summary>
public static class ReportWords
{
    /// <summary>A proportion as a percentage with one decimal ("12.5"); "NA" when missing.</summary>
    public static string Percent(double p) => double.IsFinite(p) ? (100 * p).ToString("F1", CultureInfo.InvariantCulture) : "NA";

    /// <summary><paramref name="k"/> of <paramref name="n"/> as a percentage; "NA" when n is 0.</summary>
    public static string Percent(int k, int n) => n == 0 ? "NA" : Percent((double)k / n);

    /// <summary>A confidence level as a percentage ("95").</summary>
    public static string Level(double level) => (level * 100).ToString("G3", CultureInfo.InvariantCulture);

    /// <summary>The name of a survival endpoint, as an axis or a caption says it.</summary>
    public static string Endpoint(string? endpoint) => endpoint switch
    {
        "os" => "Overall survival",
        "dfs" => "Disease-free survival",
        "lrfs" => "Local recurrence-free survival",
        "dmfs" => "Distant metastasis-free survival",
        "pfs" => "Progression-free survival",
        "post_relapse_os" => "Survival after relapse",
        "pm_dfs" => "Disease-free survival after metastasectomy",
        "pm_os" => "Survival after metastasectomy",
        "stfs" => "Systemic therapy-free survival",
        _ => "Survival",
    };

    /// <summary>What an endpoint's time counts from ("surgery", "first relapse", "metastasectomy").</summary>
    public static string Origin(string? endpoint) => endpoint switch
    {
        "post_relapse_os" => "first relapse",
        "pm_dfs" or "pm_os" => "metastasectomy",
        _ => "surgery",
    };

    /// <summary>Names of the status codes of the competing-risks endpoints (1 the event, 2 death without it).</summary>
    public static IReadOnlyDictionary<int, string> CauseNames(string? endpoint) => endpoint switch
    {
        "lr_cr" => new Dictionary<int, string> { [1] = "LR", [2] = "Death without LR" },
        "dm_cr" => new Dictionary<int, string> { [1] = "DM", [2] = "Death without DM" },
        _ => new Dictionary<int, string>(),
    };

    /// <summary>A cause's name, or "cause N".</summary>
    public static string Cause(IReadOnlyDictionary<int, string> names, int cause) =>
        names.TryGetValue(cause, out var name) ? name : "cause " + cause.ToString(CultureInfo.InvariantCulture);

    /// <summary>A multistate state in short ("LR"), for transitions.</summary>
    public static string StateShort(string state) => state switch
    {
        "entry" => "Entry",
        "lr" => "LR",
        "dm" => "DM",
        "death" => "Death",
        _ => state,
    };

    /// <summary>"n analysed; n excluded (reason)" for a caption, or just the n when none was excluded.</summary>
    public static string Counts(int analysed, int excluded, string reason, string unit = "patients") =>
        excluded > 0 ? $"{analysed} {unit} analysed, {excluded} excluded ({reason})." : $"{analysed} {unit} analysed, none excluded.";
}
