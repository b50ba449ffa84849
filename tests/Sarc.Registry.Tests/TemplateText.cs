using System.Text;
using Sarc.Registry.Template;

namespace Sarc.Registry.Tests;

/// <summary>Builds small template files for tests: a valid row by default, with the cells a test wants to change.</summary>
internal sealed class TemplateText
{
    private readonly List<Dictionary<string, string>> rows = [];

    /// <summary>A valid alive patient with every column filled, ids chosen by the test.</summary>
    public static Dictionary<string, string> ValidRow(string id) => new(StringComparer.Ordinal)
    {
        ["patient_id"] = id,
        ["center"] = "C1",
        ["sex"] = "F",
        ["birth_date"] = "1960-05-01",
        ["diagnosis_date"] = "2015-03-01",
        ["histology"] = "8890/3",
        ["site"] = "extremity_lower",
        ["depth"] = "deep",
        ["size_cm"] = "7.5",
        ["grade"] = "3",
        ["surgery_date"] = "2015-04-01",
        ["margin"] = "R0",
        ["last_followup_date"] = "2020-04-01",
        ["smoking"] = "former",
        ["bmi"] = "27.3",
        ["charlson"] = "2",
        ["rt_setting"] = "neoadjuvant",
        ["rt_dose_gy"] = "50",
        ["rt_fractions"] = "25",
        ["rt_end_date"] = "2015-03-20",
        ["necrosis_pct"] = "80",
        ["lr_date"] = "",
        ["dm_date"] = "",
        ["death_date"] = "",
        ["death_cause"] = "",
    };

    public TemplateText Add(string id, params (string Column, string Value)[] changes)
    {
        var row = ValidRow(id);
        foreach (var (column, value) in changes)
        {
            row[column] = value;
        }
        rows.Add(row);
        return this;
    }

    /// <summary>CSV with <paramref name="columns"/> (default: the whole template in order).</summary>
    public string Csv(IReadOnlyList<string>? columns = null)
    {
        columns ??= TemplateColumns.Names;
        var text = new StringBuilder();
        text.AppendJoin(',', columns).Append('\n');
        foreach (var row in rows)
        {
            text.AppendJoin(',', columns.Select(c => row.GetValueOrDefault(c, ""))).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>Writes <paramref name="text"/> to a new temporary file ending in <paramref name="extension"/>.</summary>
    public static string WriteTemp(string text, string extension = ".csv")
    {
        var path = Path.Combine(Path.GetTempPath(), "sarc-test-" + Guid.NewGuid().ToString("N") + extension);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    /// <summary>A path for a new temporary file (not created).</summary>
    public static string TempPath(string extension) =>
        Path.Combine(Path.GetTempPath(), "sarc-test-" + Guid.NewGuid().ToString("N") + extension);

    /// <summary>Parses CSV text through the real reader and validator.</summary>
    public static TemplateParseResult Parse(string csv)
    {
        var path = WriteTemp(csv);
        try
        {
            return TemplateParser.ParseFile(path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
