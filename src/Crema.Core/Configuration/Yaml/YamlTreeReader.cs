using System.Globalization;
using System.Text;
using Crema.Core.Configuration.Reporting;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Crema.Core.Configuration.Yaml;

/// <summary>
/// Reads one YAML document into <see cref="ConfigNode"/>s with positions, straight from the parser's
/// events, so that duplicate keys are reported (not thrown) and aliases are counted against <see cref="ConfigLimits"/>.
/// </summary>
internal sealed class YamlTreeReader
{
    private readonly IParser parser;
    private readonly DiagnosticBag diagnostics;
    private readonly Dictionary<string, AnchoredNode> anchors = new(StringComparer.Ordinal);
    private readonly ConfigLimits limits;

    // Nodes read so far, each alias counting the whole of what it brings in (sizes of anchored subtrees).
    private long nodeCount;

    // The part of nodeCount that aliases brought in: the only count that is limited.
    private long aliasNodes;

    private YamlTreeReader(IParser parser, DiagnosticBag diagnostics, ConfigLimits limits)
    {
        this.parser = parser;
        this.diagnostics = diagnostics;
        this.limits = limits;
    }

    /// <summary>The document's root node, or null (with an error reported) when the text cannot be used.</summary>
    public static ConfigNode? Read(string text, DiagnosticBag diagnostics, ConfigLimits limits)
    {
        var bytes = Encoding.UTF8.GetByteCount(text);
        if (bytes > limits.MaxBytes)
        {
            diagnostics.Error(SourcePosition.Start, string.Empty,
                $"the file is {Number(bytes)} bytes, more than the limit of {Number(limits.MaxBytes)} bytes ({Mebibytes(limits.MaxBytes)}); "
                + $"if the file is meant to be this large, raise the limit with the environment variable {ConfigLimits.MaxBytesVariable} (in bytes)");
            return null;
        }
        var parser = new Parser(new StringReader(text));
        var reader = new YamlTreeReader(parser, diagnostics, limits);
        try
        {
            return reader.ReadStream();
        }
        catch (YamlException ex)
        {
            diagnostics.Error(ToPosition(ex.Start), string.Empty, $"YAML syntax error: {SyntaxMessage(ex)}");
        }
        catch (Exception ex) when (YamlLibraryFailure.Is(ex))
        {
            var at = parser.Current is { } last ? ToPosition(last.End) : SourcePosition.Start;
            diagnostics.Error(at, string.Empty, "YAML syntax error: a flow mapping or sequence ({...} or [...]) is not closed properly after this point");
        }
        catch (YamlLimitExceededException ex)
        {
            diagnostics.Error(ex.Position, string.Empty, ex.Message);
        }
        return null;
    }

    private ConfigNode? ReadStream()
    {
        parser.Consume<StreamStart>();
        if (parser.Accept<StreamEnd>(out _))
        {
            diagnostics.Error(SourcePosition.Start, string.Empty, "the file is empty; start with \"apiVersion: crema/v1\"");
            return null;
        }
        parser.Consume<DocumentStart>();
        var root = ReadNode(1, string.Empty, out _);
        parser.Consume<DocumentEnd>();
        if (parser.Accept<DocumentStart>(out var second))
        {
            diagnostics.Error(ToPosition(second.Start), string.Empty, "only one YAML document is allowed; remove the extra \"---\" document");
        }
        return root;
    }

    private ConfigNode ReadNode(int depth, string path, out int height)
    {
        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            return ResolveAlias(alias, depth, out height);
        }
        var before = nodeCount;
        Count();
        ConfigNode node;
        AnchorName anchor;
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            var isPlain = scalar.Style == ScalarStyle.Plain && scalar.Tag.IsEmpty;
            node = new ScalarConfigNode(ToPosition(scalar.Start), scalar.Value, isPlain);
            anchor = scalar.Anchor;
            height = 0;
        }
        else if (parser.TryConsume<SequenceStart>(out var sequenceStart))
        {
            CheckDepth(depth, sequenceStart.Start);
            node = ReadSequence(sequenceStart, depth, path, out height);
            anchor = sequenceStart.Anchor;
        }
        else
        {
            var mappingStart = parser.Consume<MappingStart>();
            CheckDepth(depth, mappingStart.Start);
            node = ReadMapping(mappingStart, depth, path, out height);
            anchor = mappingStart.Anchor;
        }
        if (!anchor.IsEmpty)
        {
            anchors[anchor.Value] = new AnchoredNode(node, nodeCount - before, height);
        }
        return node;
    }

    private SequenceConfigNode ReadSequence(SequenceStart start, int depth, string path, out int height)
    {
        var items = new List<ConfigNode>();
        height = 1;
        while (!parser.TryConsume<SequenceEnd>(out _))
        {
            items.Add(ReadNode(depth + 1, ConfigPath.Item(path, items.Count), out var childHeight));
            height = Math.Max(height, childHeight + 1);
        }
        return new SequenceConfigNode(ToPosition(start.Start), items);
    }

    private MappingConfigNode ReadMapping(MappingStart start, int depth, string path, out int height)
    {
        var entries = new List<KeyValuePair<ScalarConfigNode, ConfigNode>>();
        var seen = new Dictionary<string, ScalarConfigNode>(StringComparer.Ordinal);
        height = 1;
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var key = ReadNode(depth + 1, path, out _);
            var valuePath = key is ScalarConfigNode named ? ConfigPath.Field(path, named.Value) : path;
            var value = ReadNode(depth + 1, valuePath, out var childHeight);
            height = Math.Max(height, childHeight + 1);
            if (key is not ScalarConfigNode scalarKey)
            {
                diagnostics.Error(key.Position, path, $"a mapping key must be a scalar, found {key.KindName}");
                continue;
            }
            if (seen.TryGetValue(scalarKey.Value, out var first))
            {
                diagnostics.Error(scalarKey.Position, valuePath,
                    $"duplicate key \"{scalarKey.Value}\" (first defined at line {first.Position.Line.ToString(CultureInfo.InvariantCulture)}); remove one of them");
                continue;
            }
            seen.Add(scalarKey.Value, scalarKey);
            entries.Add(new(scalarKey, value));
        }
        return new MappingConfigNode(ToPosition(start.Start), entries);
    }

    private ConfigNode ResolveAlias(AnchorAlias alias, int depth, out int height)
    {
        if (!anchors.TryGetValue(alias.Value.Value, out var anchored))
        {
            throw new YamlLimitExceededException(ToPosition(alias.Start), $"alias \"*{alias.Value.Value}\" refers to no anchor defined before it");
        }
        nodeCount += anchored.Size;
        aliasNodes += anchored.Size;
        if (aliasNodes > limits.MaxAliasNodes)
        {
            throw new YamlLimitExceededException(ToPosition(alias.Start),
                $"aliases expand to more than {Number(limits.MaxAliasNodes)} nodes (a YAML \"billion laughs\" bomb?); refusing to read it; "
                + $"if the config is meant to repeat this much, raise the limit with the environment variable {ConfigLimits.MaxAliasNodesVariable}");
        }
        height = anchored.Height;
        if (depth - 1 + anchored.Height > limits.MaxDepth)
        {
            throw TooDeep(alias.Start);
        }
        return anchored.Node;
    }

    private void Count() => nodeCount++;

    private void CheckDepth(int depth, Mark at)
    {
        if (depth > limits.MaxDepth)
        {
            throw TooDeep(at);
        }
    }

    private YamlLimitExceededException TooDeep(Mark at) => new(ToPosition(at),
        $"the document nests deeper than {Number(limits.MaxDepth)} levels (a Crema config needs about 10); refusing to read it: look for unbalanced brackets");

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Mebibytes(long bytes) => (bytes / (1024.0 * 1024)).ToString("0.#", CultureInfo.InvariantCulture) + " MiB";

    private static SourcePosition ToPosition(Mark mark) => new(Math.Max(1, (int)mark.Line), Math.Max(1, (int)mark.Column));

    private static string SyntaxMessage(YamlException ex)
    {
        // YamlDotNet prefixes the message with "(Line: .., Col: .., Idx: ..) - (..): "; the position is reported separately.
        var message = ex.Message;
        var cut = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line", StringComparison.Ordinal) && cut >= 0 ? message[(cut + 3)..] : message;
    }

    private sealed record AnchoredNode(ConfigNode Node, long Size, int Height);
}
