using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Crema.Scalers.MetricsApi;

/// <summary>
/// The first document of a YAML response as a small tree, built from YamlDotNet's event parser without
/// recursion and with a nesting limit, so a hostile response can neither overflow the stack nor expand
/// aliases (an alias is the anchored node itself, not a copy).
/// </summary>
internal sealed class YamlNode
{
    /// <summary>Deepest nesting of mappings and sequences read.</summary>
    public const int MaxDepth = 256;

    private YamlNode(YamlScalar? scalar, bool isMapping)
    {
        Scalar = scalar;
        IsMapping = isMapping;
    }

    /// <summary>Set for a scalar; null for a mapping or a sequence.</summary>
    public YamlScalar? Scalar { get; }

    public bool IsMapping { get; }

    public bool IsSequence => Scalar is null && !IsMapping;

    /// <summary>A mapping's pairs in order (keys that are not scalars are kept, and never match a path).</summary>
    public List<(YamlNode Key, YamlNode Value)> Pairs { get; } = [];

    /// <summary>A sequence's items.</summary>
    public List<YamlNode> Items { get; } = [];

    /// <summary>The root of the first document, or null for an empty stream. A <see cref="YamlException"/> when the text is not YAML.</summary>
    public static YamlNode? Load(string text)
    {
        var parser = new Parser(new StringReader(text));
        var anchors = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var open = new Stack<(YamlNode Node, YamlNode? PendingKey)>();
        YamlNode? root = null;
        while (root is null && parser.MoveNext())
        {
            YamlNode? node = parser.Current switch
            {
                Scalar scalar => Named(anchors, scalar, new YamlNode(YamlScalar.Resolve(scalar), false)),
                MappingStart start => Named(anchors, start, new YamlNode(null, true)),
                SequenceStart start => Named(anchors, start, new YamlNode(null, false)),
                AnchorAlias alias => anchors.TryGetValue(alias.Value.Value, out var target)
                    ? target
                    : throw new YamlException(alias.Start, alias.End, "an alias refers to an unknown anchor"),
                _ => null,
            };
            if (parser.Current is MappingEnd or SequenceEnd)
            {
                var (closed, _) = open.Pop();
                root = Attach(open, closed);
                continue;
            }
            if (node is null)
            {
                continue;
            }
            if (parser.Current is MappingStart or SequenceStart)
            {
                if (open.Count >= MaxDepth)
                {
                    throw new YamlException(parser.Current.Start, parser.Current.End, $"nested deeper than {MaxDepth} levels");
                }
                open.Push((node, null));
                continue;
            }
            root = Attach(open, node);
        }
        return root;
    }

    /// <summary>Adds a finished node to the innermost open collection; returns it when it is the document's root.</summary>
    private static YamlNode? Attach(Stack<(YamlNode Node, YamlNode? PendingKey)> open, YamlNode node)
    {
        if (open.Count == 0)
        {
            return node;
        }
        var (parent, key) = open.Pop();
        if (parent.IsMapping && key is null)
        {
            open.Push((parent, node));
            return null;
        }
        if (parent.IsMapping)
        {
            parent.Pairs.Add((key!, node));
        }
        else
        {
            parent.Items.Add(node);
        }
        open.Push((parent, null));
        return null;
    }

    private static YamlNode Named(Dictionary<string, YamlNode> anchors, NodeEvent node, YamlNode created)
    {
        if (!node.Anchor.IsEmpty)
        {
            anchors[node.Anchor.Value] = created;
        }
        return created;
    }
}
