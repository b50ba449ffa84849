using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using Sarc.Statistics.Survival;

namespace Sarc.Studies.Analyses;

/// <summary>
/// The <c>steps</c> arrays of a Kaplan-Meier JSON (every row of every curve: 48,000 objects of seven numbers for a
/// million patients in four groups), formatted as raw UTF-8 with exactly the bytes <see cref="Utf8JsonWriter"/> writes
/// for them (its indentation, <c>"name": value</c>, shortest round-trip numbers, null for NaN and infinities), so
/// that the curves can be formatted at the same time on the machine's cores. Each curve's bytes depend only on that
/// curve, so the output is the same whichever thread formats it.
/// </summary>
internal static class KmStepsJson
{
    /// <summary>Below this many steps in all, the curves are formatted on the calling thread.</summary>
    private const int ParallelSteps = 8192;

    /// <summary>Longest number: a double in shortest round-trip form ("-1.2345678901234567E-308") or "null".</summary>
    private const int MaxNumberBytes = 32;

    private static readonly byte[] NullBytes = "null"u8.ToArray();

    private static readonly byte[] EmptyArray = "[]"u8.ToArray();

    private static readonly string[] Names = ["time", "n_risk", "n_event", "n_censor", "surv", "lower", "upper"];

    /// <summary>
    /// Each curve's <c>steps</c> array as the writer would write it as a property value of an object at the
    /// writer's current depth (the group object, open).
    /// </summary>
    public static ReadOnlyMemory<byte>[] Format(Utf8JsonWriter writer, IReadOnlyList<KaplanMeierCurve> curves)
    {
        var layout = new Layout(writer.Options, writer.CurrentDepth);
        var parts = new ReadOnlyMemory<byte>[curves.Count];
        var total = 0;
        foreach (var curve in curves)
        {
            total += curve.Time.Length;
        }
        if (total < ParallelSteps || curves.Count < 2 || Environment.ProcessorCount < 2)
        {
            for (var g = 0; g < parts.Length; g++)
            {
                parts[g] = layout.Steps(curves[g]);
            }
        }
        else
        {
            Parallel.For(0, parts.Length, g => parts[g] = layout.Steps(curves[g]));
        }
        return parts;
    }

    /// <summary>The constant bytes around the numbers, for one writer's options and depth.</summary>
    private sealed class Layout
    {
        private readonly byte[] open;       // "[" + newline + indent of an element + "{"
        private readonly byte[] between;    // "}" + "," + newline + indent + "{"
        private readonly byte[] close;      // newline + indent of an element + "}" + newline + indent + "]"
        private readonly byte[][] before;   // per property: ("," for all but the first) newline + indent + "name": (space)
        private readonly int fixedBytesPerStep;

        public Layout(JsonWriterOptions options, int depth)
        {
            var newLine = options.Indented ? options.NewLine : "";
            string Indent(int level) => options.Indented ? new string(options.IndentCharacter, level * options.IndentSize) : "";
            // The group object is open at `depth`: its properties sit at depth, the array's objects one deeper, and
            // their properties two deeper.
            var element = Indent(depth + 1);
            var property = Indent(depth + 2);
            open = Encoding.UTF8.GetBytes($"[{newLine}{element}{{");
            between = Encoding.UTF8.GetBytes($"{newLine}{element}}},{newLine}{element}{{");
            close = Encoding.UTF8.GetBytes($"{newLine}{element}}}{newLine}{Indent(depth)}]");
            var separator = options.Indented ? ": " : ":";
            before = new byte[Names.Length][];
            fixedBytesPerStep = between.Length;
            for (var p = 0; p < Names.Length; p++)
            {
                before[p] = Encoding.UTF8.GetBytes($"{(p == 0 ? "" : ",")}{newLine}{property}\"{Names[p]}\"{separator}");
                fixedBytesPerStep += before[p].Length + MaxNumberBytes;
            }
        }

        public ReadOnlyMemory<byte> Steps(KaplanMeierCurve curve)
        {
            var count = curve.Time.Length;
            if (count == 0)
            {
                return EmptyArray;
            }
            // An upper bound; the pages past what is written are never touched.
            var buffer = GC.AllocateUninitializedArray<byte>(open.Length + close.Length + count * fixedBytesPerStep);
            var span = buffer.AsSpan();
            var at = Put(span, 0, open);
            for (var i = 0; i < count; i++)
            {
                if (i > 0)
                {
                    at = Put(span, at, between);
                }
                at = Number(span, Put(span, at, before[0]), curve.Time[i]);
                at = Integer(span, Put(span, at, before[1]), curve.AtRisk[i]);
                at = Integer(span, Put(span, at, before[2]), curve.Events[i]);
                at = Integer(span, Put(span, at, before[3]), curve.Censored[i]);
                at = Number(span, Put(span, at, before[4]), curve.Survival[i]);
                at = Number(span, Put(span, at, before[5]), curve.Lower[i]);
                at = Number(span, Put(span, at, before[6]), curve.Upper[i]);
            }
            at = Put(span, at, close);
            return buffer.AsMemory(0, at);
        }

        private static int Put(Span<byte> span, int at, byte[] bytes)
        {
            bytes.CopyTo(span[at..]);
            return at + bytes.Length;
        }

        // As Utf8JsonWriter.WriteNumberValue(double): shortest round-trip; as JsonNumbers, null when not finite.
        private static int Number(Span<byte> span, int at, double value)
        {
            if (!double.IsFinite(value))
            {
                return Put(span, at, NullBytes);
            }
            Utf8Formatter.TryFormat(value, span[at..], out var written);
            return at + written;
        }

        private static int Integer(Span<byte> span, int at, int value)
        {
            Utf8Formatter.TryFormat(value, span[at..], out var written);
            return at + written;
        }
    }
}
