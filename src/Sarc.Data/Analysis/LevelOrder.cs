namespace Sarc.Data.Analysis;

/// <summary>
/// The order R's <c>sort()</c> and <c>factor()</c> give text on the machines Sarc is validated on: R 4.2 in a
/// <c>C.UTF-8</c> (or English) locale collates with ICU's root collation, so punctuation sorts before digits, digits
/// before letters, letters case-insensitively with lower case first on a tie, and accents count only between words
/// that are otherwise equal: <c>_x 10 9 a A b B</c>, <c>resume Resume resumé résume</c>. Digits are compared as
/// characters (<c>"10" &lt; "9"</c>), as R does for text.
/// </summary>
/// <remarks>
/// <para>
/// A three-level comparison as the Unicode Collation Algorithm defines it (non-ignorable punctuation): first the
/// sequence of base characters, then the accents, then the case (and forms such as superscripts). The weights cover
/// printable ASCII, tab and line breaks and every character of Latin-1 and the euro sign (letters with accents, ß and æ as "ss" and
/// "ae" with a difference at the second level, ª º ¹ ² ³ ½ ¼ ¾ as the letters and digits they stand for, the Latin-1
/// symbols at their ICU positions); <c>validation/level_order.R</c> checks them against R and writes the fixture the
/// tests read. Other characters sort after all of these by code unit, which can differ from R for letters of other
/// alphabets and for the rarer Latin letters (ł, œ, š ...). Strings equal at all three levels (which differ only by
/// control characters or a soft hyphen) are ordered by code unit, so the order is total and deterministic.
/// </para>
/// <para>Numbers are not compared here: a numeric column's factor levels are ordered numerically, as R does.</para>
/// </remarks>
public sealed class LevelOrder : IComparer<string>
{
    private const int Common = 5;
    private const int Lower = 2;
    private const int LowerVariant = 4;
    private const int Upper = 8;
    private const int UpperVariant = 10;
    private const int Superscript = 0x14;
    private const int NoBreak = 0x1B;
    private const int Fraction = 0x1E;

    // Accent (second-level) weights, in ICU's order.
    private const int Acute = 0x24;
    private const int Grave = 0x25;
    private const int Circumflex = 0x27;
    private const int Ring = 0x29;
    private const int Diaeresis = 0x2B;
    private const int Tilde = 0x2D;
    private const int Stroke = 0x2F;
    private const int Cedilla = 0x30;
    private const int Ligature = 0x110;
    private const int Eth = 0x110;
    private const int SharpS = 0x111;

    /// <summary>Characters with a first-level weight of their own, lowest first (ICU root order); upper case shares its lower case's.</summary>
    private const string PrimaryOrder =
        "\t\n\v\f\r _-,;:!¡?¿.·'\"«»()[]{}§¶@*/\\&#%`´^¯¨¸°©®+±÷×<=>¬|¦~\u2044¤¢$£¥€0123456789abcdefghijklmnopqrstuvwxyzþµ";

    /// <summary>Collation elements (first, second, third level) of each character up to U+00FF, and of U+2044; null = ignorable.</summary>
    private static readonly Dictionary<char, (int Primary, int Secondary, int Tertiary)[]> Elements = BuildElements();

    /// <summary>Above every weight in <see cref="PrimaryOrder"/>; characters without an entry sort here by code unit.</summary>
    private static readonly int UnknownBase = PrimaryOrder.Length + 1;

    private LevelOrder()
    {
    }

    /// <summary>The one instance.</summary>
    public static LevelOrder Instance { get; } = new();

    /// <summary>Negative when <paramref name="x"/> sorts before <paramref name="y"/>; null sorts first.</summary>
    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }
        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }
        var byKey = SortKey(x).AsSpan().SequenceCompareTo(SortKey(y));
        return byKey != 0 ? byKey : string.CompareOrdinal(x, y);
    }

    /// <summary>
    /// <paramref name="values"/> without repeats, in this order: the levels R's <c>factor()</c> makes of them. Each
    /// value's key is computed once, so many levels (patient identifiers) sort quickly.
    /// </summary>
    public static string[] SortDistinct(IEnumerable<string> values)
    {
        var levels = values.Distinct(StringComparer.Ordinal).ToArray();
        var keys = new int[levels.Length][];
        for (var i = 0; i < levels.Length; i++)
        {
            keys[i] = SortKey(levels[i]);
        }
        var order = new int[levels.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }
        Array.Sort(order, (a, b) =>
        {
            var byKey = keys[a].AsSpan().SequenceCompareTo(keys[b]);
            return byKey != 0 ? byKey : string.CompareOrdinal(levels[a], levels[b]);
        });
        var sorted = new string[levels.Length];
        for (var i = 0; i < sorted.Length; i++)
        {
            sorted[i] = levels[order[i]];
        }
        return sorted;
    }

    /// <summary>
    /// The text's weights level by level (first-level weights, 0, second-level weights, 0, third-level weights): two
    /// keys compare element by element as the texts collate.
    /// </summary>
    private static int[] SortKey(string text)
    {
        var primary = new List<int>(text.Length + 2);
        var secondary = new List<int>(text.Length + 2);
        var tertiary = new List<int>(text.Length + 2);
        foreach (var c in text)
        {
            if (Elements.TryGetValue(c, out var elements))
            {
                foreach (var (p, s, t) in elements)
                {
                    if (p != 0)
                    {
                        primary.Add(p);
                    }
                    secondary.Add(s);
                    tertiary.Add(t);
                }
            }
            else if (c >= 0x100)
            {
                primary.Add(UnknownBase + c);
                secondary.Add(Common);
                tertiary.Add(Lower);
            }
            // Other control characters (and the soft hyphen) are ignorable at every level, as in ICU.
        }
        var key = new int[primary.Count + secondary.Count + tertiary.Count + 2];
        primary.CopyTo(key, 0);
        secondary.CopyTo(key, primary.Count + 1);
        tertiary.CopyTo(key, primary.Count + secondary.Count + 2);
        return key;
    }

    private static Dictionary<char, (int, int, int)[]> BuildElements()
    {
        var elements = new Dictionary<char, (int, int, int)[]>();
        int Weight(char c) => PrimaryOrder.IndexOf(c) + 1;
        for (var i = 0; i < PrimaryOrder.Length; i++)
        {
            var c = PrimaryOrder[i];
            elements[c] = [(i + 1, Common, Lower)];
            if (c is >= 'a' and <= 'z')
            {
                elements[(char)(c - 'a' + 'A')] = [(i + 1, Common, Upper)];
            }
        }
        elements['Þ'] = [(Weight('þ'), Common, Upper)];
        // The micro sign is a compatibility form of the Greek mu (R's toupper makes it a capital mu).
        elements['µ'] = [(Weight('µ'), Common, LowerVariant)];
        elements['\u03BC'] = [(Weight('µ'), Common, Lower)];
        elements['\u039C'] = [(Weight('µ'), Common, Upper)];
        elements['\u00A0'] = [(Weight(' '), Common, NoBreak)];
        void Accented(string letters, char baseLetter, int accent)
        {
            // Lower then upper case, as each pair is listed.
            elements[letters[0]] = [(Weight(baseLetter), Common, Lower), (0, accent, Lower)];
            if (letters.Length > 1)
            {
                elements[letters[1]] = [(Weight(baseLetter), Common, Upper), (0, accent, Lower)];
            }
        }
        foreach (var (letters, baseLetter) in new[] { ("àÀ", 'a'), ("èÈ", 'e'), ("ìÌ", 'i'), ("òÒ", 'o'), ("ùÙ", 'u') })
        {
            Accented(letters, baseLetter, Grave);
        }
        foreach (var (letters, baseLetter) in new[] { ("áÁ", 'a'), ("éÉ", 'e'), ("íÍ", 'i'), ("óÓ", 'o'), ("úÚ", 'u'), ("ýÝ", 'y') })
        {
            Accented(letters, baseLetter, Acute);
        }
        foreach (var (letters, baseLetter) in new[] { ("âÂ", 'a'), ("êÊ", 'e'), ("îÎ", 'i'), ("ôÔ", 'o'), ("ûÛ", 'u') })
        {
            Accented(letters, baseLetter, Circumflex);
        }
        foreach (var (letters, baseLetter) in new[] { ("äÄ", 'a'), ("ëË", 'e'), ("ïÏ", 'i'), ("öÖ", 'o'), ("üÜ", 'u'), ("ÿ\u0178", 'y') })
        {
            Accented(letters, baseLetter, Diaeresis);
        }
        foreach (var (letters, baseLetter) in new[] { ("ãÃ", 'a'), ("ñÑ", 'n'), ("õÕ", 'o') })
        {
            Accented(letters, baseLetter, Tilde);
        }
        Accented("åÅ", 'a', Ring);
        Accented("çÇ", 'c', Cedilla);
        Accented("øØ", 'o', Stroke);
        Accented("ðÐ", 'd', Eth);
        elements['æ'] = [(Weight('a'), Common, LowerVariant), (0, Ligature, LowerVariant), (Weight('e'), Common, LowerVariant)];
        elements['Æ'] = [(Weight('a'), Common, UpperVariant), (0, Ligature, LowerVariant), (Weight('e'), Common, UpperVariant)];
        elements['ß'] = [(Weight('s'), Common, LowerVariant), (0, SharpS, LowerVariant), (Weight('s'), Common, LowerVariant)];
        elements['ª'] = [(Weight('a'), Common, Superscript)];
        elements['º'] = [(Weight('o'), Common, Superscript)];
        elements['¹'] = [(Weight('1'), Common, Superscript)];
        elements['²'] = [(Weight('2'), Common, Superscript)];
        elements['³'] = [(Weight('3'), Common, Superscript)];
        foreach (var (fraction, numerator, denominator) in new[] { ('¼', '1', '4'), ('½', '1', '2'), ('¾', '3', '4') })
        {
            elements[fraction] = [(Weight(numerator), Common, Fraction), (Weight('\u2044'), Common, Fraction), (Weight(denominator), Common, Fraction)];
        }
        return elements;
    }
}
