using System.Globalization;
using System.Text;
using Sarc.Data;

namespace Sarc.Trust.Tests.Fuzz;

/// <summary>
/// A small seeded mutation fuzzer for the parsers a user feeds (issue 17): damages valid inputs with the tokens that
/// break parsers (quotes, separators, line breaks, NUL, YAML anchors and aliases, brackets, huge numbers, far dates,
/// non-ASCII), cuts, repeats and swaps their parts, and checks that each case ends within <see cref="Limit"/> with a
/// result or a one-line <see cref="DataInputException"/>. The number of cases per target is bounded in <c>./test</c>;
/// <c>SARC_FUZZ_CASES=N</c> runs N per target, <c>SARC_FUZZ_SEED</c> changes the seed.
/// </summary>
internal static class Fuzzer
{
    /// <summary>How long one case may take before it counts as a hang.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    private static readonly string[] Tokens =
    [
        "", ",", ";", "\"", "\"\"", "'", "\n", "\r\n", "\r", "\t", "\0", " ", "#", "-", "- ", ":", ": ", "&a ", "*a", "<<: *a", "[", "]", "{", "}",
        "!!binary", "!!str", "|", ">", "---", "...", "%YAML 1.2", "~", "null", "NA", "NaN", "Inf", "-1", "0", "1e308", "99999999999999999999",
        "9999-12-31", "0001-01-01", "2024-02-30", "1.5", "TRUE", "é", "\u202e", "\ud83d\ude00", "=1+1", "@SUM(A1)", "(", ")", "~ x", "Surv(", "`",
        "\\", "%", "{{", "$", "..", "../../etc/passwd",
    ];

    /// <summary>Cases per target: <paramref name="bounded"/> unless <c>SARC_FUZZ_CASES</c> says otherwise.</summary>
    public static int Cases(int bounded) =>
        int.TryParse(Environment.GetEnvironmentVariable("SARC_FUZZ_CASES"), CultureInfo.InvariantCulture, out var n) && n > 0 ? n : bounded;

    /// <summary>The random source of one target, from <c>SARC_FUZZ_SEED</c> (default fixed) and the target's name.</summary>
    public static Random Random(string target) =>
        new((int.TryParse(Environment.GetEnvironmentVariable("SARC_FUZZ_SEED"), CultureInfo.InvariantCulture, out var s) ? s : 20261203) ^ StableHash(target));

    /// <summary><paramref name="text"/> with one to four random kinds of damage.</summary>
    public static string Mutate(string text, Random random)
    {
        var s = new StringBuilder(text);
        for (var hits = random.Next(1, 5); hits > 0; hits--)
        {
            var at = s.Length == 0 ? 0 : random.Next(s.Length + 1);
            var length = s.Length - at == 0 ? 0 : random.Next(Math.Min(12, s.Length - at) + 1);
            switch (random.Next(8))
            {
                case 0:
                    s.Remove(at, length);
                    break;
                case 1:
                    s.Insert(at, s.ToString(at, length));
                    break;
                case 2:
                    s.Length = at;
                    break;
                case 3:
                    s.Insert(at, (char)random.Next(0, 0x3000));
                    break;
                case 4:
                    s.Remove(at, length).Insert(at, LineOf(text, random));
                    break;
                default:
                    s.Remove(at, length).Insert(at, Tokens[random.Next(Tokens.Length)]);
                    break;
            }
        }
        return s.ToString();
    }

    /// <summary>
    /// Runs one case: <paramref name="parse"/> returns the messages it reports (each must be one line), or throws a
    /// one-line <see cref="DataInputException"/>; anything else, or a case slower than <see cref="Limit"/>, fails with the input.
    /// </summary>
    public static void Check(string target, string input, Func<IEnumerable<string>> parse)
    {
        var run = Task.Factory.StartNew(() =>
        {
            try
            {
                foreach (var message in parse())
                {
                    Assert.True(IsOneLine(message), $"{target}: a message spans lines: {message}\n--- input:\n{Shown(input)}");
                }
            }
            catch (DataInputException e)
            {
                Assert.True(IsOneLine(e.Message), $"{target}: a user error spans lines: {e.Message}\n--- input:\n{Shown(input)}");
            }
            catch (Exception e) when (e is not Xunit.Sdk.XunitException)
            {
                Assert.Fail($"{target}: {e.GetType().Name}: {e.Message}\n--- input:\n{Shown(input)}\n{e.StackTrace}");
            }
        }, TaskCreationOptions.LongRunning);
        if (!run.Wait(Limit))
        {
            Assert.Fail($"{target}: no answer in {Limit.TotalSeconds} s\n--- input:\n{Shown(input)}");
        }
    }

    private static bool IsOneLine(string message) => message.IndexOfAny(['\n', '\r']) < 0;

    private static string LineOf(string text, Random random)
    {
        var lines = text.Split('\n');
        return lines[random.Next(lines.Length)] + "\n";
    }

    private static string Shown(string input) => input.Length <= 2000 ? input : input[..2000] + $"... ({input.Length} characters)";

    private static int StableHash(string text)
    {
        var hash = 17;
        foreach (var c in text)
        {
            hash = unchecked(hash * 31 + c);
        }
        return hash;
    }
}
