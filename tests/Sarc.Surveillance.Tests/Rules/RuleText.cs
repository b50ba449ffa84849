namespace Sarc.Surveillance.Tests.Rules;

/// <summary>A small valid rule file, line by line, so each test can break one known line.</summary>
internal static class RuleText
{
    private static readonly string[] Lines =
    [
        "version: 1",                            // 1
        "exams:",                                // 2
        "  clinical: Clinical examination",      // 3
        "  chest_ct: CT of the chest",           // 4
        "sites: [limb, retroperitoneum]",        // 5
        "profiles:",                             // 6
        "  main:",                               // 7
        "    grades: any",                       // 8
        "    sites: any",                        // 9
        "    after_local_recurrence: main",      // 10
        "    visits:",                           // 11
        "      - { months: 0-12, every: 3 }",    // 12
        "      - { months: 12-24, every: 6 }",   // 13
        "    exams:",                            // 14
        "      - { exam: clinical }",            // 15
        "      - { exam: chest_ct, every: 6 }",  // 16
    ];

    public static string Valid => Join(Lines);

    /// <summary>The valid file with 1-based line <paramref name="line"/> replaced (null removes it).</summary>
    public static string With(int line, string? text) => With((line, text));

    public static string With(params (int Line, string? Text)[] changes)
    {
        var lines = Lines.Select(l => (string?)l).ToArray();
        foreach (var (line, text) in changes)
        {
            lines[line - 1] = text;
        }

        return Join(lines.Where(l => l is not null)!);
    }

    public static string Join(IEnumerable<string> lines) => string.Join('\n', lines) + "\n";
}
