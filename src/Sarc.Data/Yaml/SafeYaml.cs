using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Sarc.Data.Yaml;

/// <summary>
/// Loads YAML a user wrote (study definitions, surveillance rules) with bounds, so that a hostile file is a one-line
/// error and not a crash or a hang (issue 17): nesting at most <see cref="MaxDepth"/> levels (YamlDotNet builds the
/// tree recursively, and a deeper file overflowed the stack and aborted the process), at most <see cref="MaxNodes"/>
/// nodes with every alias expanded (an alias bomb, "billion laughs", is a few lines), and YamlDotNet's own
/// non-YAML exceptions on some broken input turned into <see cref="YamlException"/>s with a position. A first pass
/// over the parser's events (iterative) checks the bounds before the tree is built.
/// </summary>
public static class SafeYaml
{
    /// <summary>The deepest nesting of mappings and sequences accepted.</summary>
    public const int MaxDepth = 64;

    /// <summary>The most nodes accepted, each alias counted as the nodes it stands for.</summary>
    public const long MaxNodes = 1_000_000;

    /// <summary>Loads <paramref name="text"/>.</summary>
    /// <exception cref="YamlException">The text is not valid YAML or exceeds a bound; its start is the position.</exception>
    public static YamlStream Load(string text)
    {
        CheckBounds(text);
        var stream = new YamlStream();
        var parser = new Parser(new StringReader(text));
        try
        {
            stream.Load(parser);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            throw Unreadable(parser);
        }
        return stream;
    }

    /// <summary>
    /// Loads a user's file <paramref name="source"/> whose top level must be a mapping (a REDCap mapping, a model file):
    /// its root. <paramref name="notMapping"/> says what was expected when the text is empty or its top is not a
    /// mapping.
    /// </summary>
    /// <exception cref="DataInputException">The text is not valid YAML, exceeds a bound (<c>SOURCE:line N: not valid
    /// YAML: ...</c>), or is not a mapping (<c>SOURCE: </c><paramref name="notMapping"/>).</exception>
    public static YamlMappingNode LoadMapping(string text, string source, string notMapping)
    {
        YamlStream stream;
        try
        {
            stream = Load(text);
        }
        catch (YamlException e)
        {
            throw new DataInputException($"{source}:line {e.Start.Line}: not valid YAML: {Describe(e)}");
        }
        return stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode root
            ? root
            : throw new DataInputException($"{source}: {notMapping}");
    }

    /// <summary>What a <see cref="YamlException"/> says is wrong, on one line, without YamlDotNet's position prefix
    /// (<c>(Line: 1, Col: 2, Idx: 1) - (Line: 1, Col: 3, Idx: 2): </c>): the position goes in the caller's message.</summary>
    public static string Describe(YamlException e)
    {
        var message = (e.InnerException as YamlException ?? e).Message;
        var dash = message.IndexOf(") - (", StringComparison.Ordinal);
        var colon = dash < 0 ? -1 : message.IndexOf("): ", dash, StringComparison.Ordinal);
        var text = colon < 0 ? message : message[(colon + 3)..];
        return text.ReplaceLineEndings(" ").Trim().TrimEnd('.');
    }

    private static void CheckBounds(string text)
    {
        var parser = new Parser(new StringReader(text));
        // One entry per open collection: its anchor and the nodes it holds so far (aliases expanded).
        var open = new Stack<(string? Anchor, long Nodes)>();
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        long total = 0;
        try
        {
            while (parser.MoveNext())
            {
                long added = 0;
                switch (parser.Current)
                {
                    case MappingStart or SequenceStart:
                        var node = (NodeEvent)parser.Current!;
                        if (open.Count >= MaxDepth)
                        {
                            throw new YamlException(node.Start, node.End, $"nested more than {MaxDepth} levels deep");
                        }
                        open.Push((node.Anchor.IsEmpty ? null : node.Anchor.Value, 1));
                        break;
                    case MappingEnd or SequenceEnd when open.Count > 0:
                        var (anchor, nodes) = open.Pop();
                        if (anchor is not null)
                        {
                            sizes[anchor] = nodes;
                        }
                        added = nodes;
                        break;
                    case Scalar scalar:
                        if (!scalar.Anchor.IsEmpty)
                        {
                            sizes[scalar.Anchor.Value] = 1;
                        }
                        added = 1;
                        total++;
                        break;
                    case AnchorAlias alias:
                        added = sizes.GetValueOrDefault(alias.Value.Value, 1);
                        total += added;
                        break;
                }
                if (added > 0 && open.Count > 0)
                {
                    var (anchor, nodes) = open.Pop();
                    open.Push((anchor, Math.Min(nodes + added, MaxNodes + 1)));
                }
                if (total > MaxNodes || (open.Count > 0 && open.Peek().Nodes > MaxNodes))
                {
                    var at = parser.Current!;
                    throw new YamlException(at.Start, at.End, $"more than {MaxNodes} values with every alias expanded");
                }
            }
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            throw Unreadable(parser);
        }
    }

    private static YamlException Unreadable(Parser parser)
    {
        var at = parser.Current;
        return at is null
            ? new YamlException("the text cannot be read as YAML (an unclosed { or [ or quote?)")
            : new YamlException(at.Start, at.End, "the text after this point cannot be read as YAML (an unclosed { or [ or quote?)");
    }
}
