namespace Sarc.Studies.Reports;

/// <summary>
/// The words a journal table uses for the analysis dataset's columns: "Tumour size, cm" rather than <c>size_cm</c>,
/// "High grade (G2–3): yes" rather than <c>high_grade = 1</c>. Only the HTML report, its CSV tables and figures use
/// them; results.json keeps the column names, as the CLI prints them. A study's derived groupings are labelled from
/// their definition ("Necrosis ≥ 75%"). Unknown columns keep their name.
/// </summary>
public sealed class ReportLabels
{
    private static readonly Dictionary<string, string> Standard = new(StringComparer.Ordinal)
    {
        ["patient_id"] = "Patient", ["center"] = "Center", ["sex"] = "Sex", ["age"] = "Age at surgery, years",
        ["histology"] = "Histology (ICD-O-3)", ["histology_name"] = "Histology", ["site"] = "Site", ["depth"] = "Depth",
        ["deep"] = "Deep-seated", ["size_cm"] = "Tumour size, cm", ["size_gt5"] = "Size > 5 cm", ["grade"] = "FNCLCC grade",
        ["high_grade"] = "High grade (G2–3)", ["margin"] = "Resection margin", ["smoking"] = "Smoking",
        ["ever_smoker"] = "Ever smoker", ["bmi"] = "BMI, kg/m²", ["charlson"] = "Charlson comorbidity index",
        ["rt_setting"] = "Radiotherapy setting", ["rt_dose_gy"] = "Radiotherapy dose, Gy", ["rt_fractions"] = "Radiotherapy fractions",
        ["rt_to_surgery_days"] = "End of radiotherapy to surgery, days", ["necrosis_pct"] = "Necrosis, %",
        ["lr"] = "Local recurrence", ["dm"] = "Distant metastasis", ["death"] = "Death", ["relapse"] = "Relapse",
        ["metastatic_at_diagnosis"] = "Metastatic at diagnosis", ["relapse_type"] = "Type of first relapse",
        ["relapse_months"] = "Time to first relapse, months", ["relapse_gt12"] = "Relapse after > 12 months",
        ["wound_complication"] = "Wound complication", ["late_toxicity_grade"] = "Late toxicity grade",
        ["late_toxicity"] = "Late toxicity", ["systemic_any"] = "Systemic therapy", ["n_lr"] = "Local recurrences",
        ["n_metastasectomies"] = "Metastasectomies", ["pm_max_lesion_cm"] = "Largest resected lesion, cm",
        ["pm_lesion_gt2"] = "Largest resected lesion > 2 cm", ["pm_lesions"] = "Lesions resected",
        ["pm_clavien_dindo"] = "Clavien-Dindo grade", ["pm_clavien_major"] = "Clavien-Dindo ≥ IIIa",
        ["pm_systemic"] = "Perioperative systemic therapy", ["tfi_months"] = "Treatment-free interval, months",
        ["tfi_gt12"] = "Treatment-free interval > 12 months", ["relapse_resected"] = "Relapse resected",
        ["ajcc_t"] = "AJCC T", ["ajcc_stage"] = "AJCC stage", ["eqd2"] = "EQD2, Gy",
    };

    /// <summary>Columns coded 0/1 for no/yes, shown as "no"/"yes".</summary>
    private static readonly HashSet<string> StandardYesNo = new(StringComparer.Ordinal)
    {
        "deep", "size_gt5", "high_grade", "ever_smoker", "lr", "dm", "death", "relapse", "metastatic_at_diagnosis",
        "relapse_gt12", "wound_complication", "late_toxicity", "systemic_any", "pm_lesion_gt2", "pm_clavien_major",
        "pm_systemic", "tfi_gt12", "relapse_resected",
    };

    private readonly Dictionary<string, string> _derived = new(StringComparer.Ordinal);

    /// <summary>Labels for a study whose derived groupings are <paramref name="derived"/> (each 1 when its condition holds).</summary>
    public ReportLabels(IEnumerable<Derivation> derived)
    {
        foreach (var d in derived)
        {
            _derived[d.Name] = Condition(Name(d.Source), Symbol(d.Operator), d.Threshold.ToString("G", CultureInfo.InvariantCulture));
        }
    }

    /// <summary>The label of <paramref name="column"/>.</summary>
    public string Name(string column) => _derived.TryGetValue(column, out var label) ? label : Standard.GetValueOrDefault(column, column);

    /// <summary>A level as a table row shows it under its variable: "no"/"yes" for a 0/1 column, the relapse type in words, else the level.</summary>
    public string Level(string column, string level) => column == "relapse_type"
        ? level switch { "lr" => "local recurrence", "dm" => "distant metastasis", "lr+dm" => "both on one day", _ => level }
        : !IsYesNo(column) ? level : level switch { "0" => "no", "1" => "yes", _ => level };

    /// <summary>One group of <paramref name="column"/>: "High grade (G2–3): yes", "FNCLCC grade: 3".</summary>
    public string Group(string column, string level) => $"{Name(column)}: {Level(column, level)}";

    /// <summary>
    /// A model term as a journal prints it: a factor's level (term <c>histologySyS</c>, factor <c>histology</c> in
    /// <paramref name="factors"/>) as "Histology: SyS", a numeric term by its column's label.
    /// </summary>
    public string Term(string term, IEnumerable<string> factors)
    {
        if (term.Contains(':', StringComparison.Ordinal))
        {
            // An interaction: each part as its own term, joined by "×".
            return string.Join(" × ", term.Split(':').Select(part => Term(part, factors)));
        }
        foreach (var factor in factors)
        {
            if (term.Length > factor.Length && term.StartsWith(factor, StringComparison.Ordinal))
            {
                return Group(factor, term[factor.Length..]);
            }
        }
        return Name(term);
    }

    private bool IsYesNo(string column) => StandardYesNo.Contains(column) || _derived.ContainsKey(column);

    /// <summary>"Necrosis ≥ 75%", "Age at surgery ≥ 65 years": a label's unit (after its last comma) follows the threshold.</summary>
    private static string Condition(string label, string symbol, string threshold)
    {
        var comma = label.LastIndexOf(", ", StringComparison.Ordinal);
        if (comma < 0)
        {
            return $"{label} {symbol} {threshold}";
        }
        var unit = label[(comma + 2)..];
        return $"{label[..comma]} {symbol} {threshold}{(unit == "%" ? "" : " ")}{unit}";
    }

    private static string Symbol(string op) => op switch { ">=" => "≥", "<=" => "≤", "!=" => "≠", "==" => "=", _ => op };
}
