namespace Sarc.Registry.Domain;

/// <summary>
/// Names of the common soft-tissue sarcoma ICD-O-3 morphology codes (WHO 2020 terms). Codes outside the table are
/// valid in the registry; they simply have no name here.
/// </summary>
public static class HistologyNames
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["8800/3"] = "sarcoma NOS",
        ["8802/3"] = "undifferentiated pleomorphic sarcoma",
        ["8804/3"] = "epithelioid sarcoma",
        ["8810/3"] = "fibrosarcoma NOS",
        ["8811/3"] = "myxofibrosarcoma",
        ["8815/3"] = "solitary fibrous tumor, malignant",
        ["8850/3"] = "liposarcoma NOS",
        ["8852/3"] = "myxoid liposarcoma",
        ["8854/3"] = "pleomorphic liposarcoma",
        ["8858/3"] = "dedifferentiated liposarcoma",
        ["8890/3"] = "leiomyosarcoma",
        ["8900/3"] = "rhabdomyosarcoma NOS",
        ["9040/3"] = "synovial sarcoma",
        ["9044/3"] = "clear cell sarcoma",
        ["9120/3"] = "angiosarcoma",
        ["9540/3"] = "malignant peripheral nerve sheath tumor",
        ["9581/3"] = "alveolar soft part sarcoma",
    };

    // The abbreviations sarcoma papers use in their tables (the seed studies' groups); other codes are shown as the code.
    private static readonly Dictionary<string, string> Abbreviations = new(StringComparer.Ordinal)
    {
        ["8890/3"] = "LMS", ["9040/3"] = "SyS", ["8802/3"] = "UPS", ["8850/3"] = "LPS", ["8858/3"] = "DDLPS",
        ["8852/3"] = "MLPS", ["8854/3"] = "PLPS", ["8811/3"] = "MFS", ["9540/3"] = "MPNST", ["9120/3"] = "AS",
    };

    /// <summary>
    /// The short name of <paramref name="code"/> as sarcoma papers write it in tables (<c>LMS</c>, <c>SyS</c>, <c>UPS</c>,
    /// <c>LPS</c>, <c>DDLPS</c>, <c>MLPS</c>, <c>PLPS</c>, <c>MFS</c>, <c>MPNST</c>, <c>AS</c>), or the code itself for
    /// any other histology, so that every patient falls in a group.
    /// </summary>
    public static string ShortNameOf(string code) => Abbreviations.GetValueOrDefault(code, code);

    /// <summary>The name of <paramref name="code"/>, or null when it is not in the table.</summary>
    public static string? NameOf(string code) => Names.GetValueOrDefault(code);

    /// <summary>Every code in the table with its name.</summary>
    public static IReadOnlyDictionary<string, string> All => Names;

    /// <summary>
    /// Whether <paramref name="code"/> has the form of an ICD-O-3 morphology code: four digits, a slash and a behaviour
    /// digit (0, 1, 2, 3, 6 or 9).
    /// </summary>
    public static bool IsWellFormed(ReadOnlySpan<char> code) =>
        code.Length == 6
        && char.IsAsciiDigit(code[0]) && char.IsAsciiDigit(code[1]) && char.IsAsciiDigit(code[2]) && char.IsAsciiDigit(code[3])
        && code[4] == '/'
        && code[5] is '0' or '1' or '2' or '3' or '6' or '9';
}
