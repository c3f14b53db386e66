using System.Globalization;
using System.Text;
using Crema.Core.Configuration.Yaml;

namespace Crema.Core.Configuration.Reporting;

/// <summary>
/// Where a YAML path (as <see cref="ConfigPath"/> writes it) sits in the file, so validators that work on records can
/// point at the right line: found by following the path through the parsed tree, on demand. A dictionary of every
/// bound path was the largest part of loading a big config (about 35 path strings per scaled object, 85 MB at 10,000).
/// </summary>
internal sealed class SourceMap(ConfigNode root)
{
    /// <summary>The position of the node at <paramref name="path"/>, else of its nearest ancestor that exists, else the file's start.</summary>
    public SourcePosition Locate(string path)
    {
        for (var current = path; current is not null; current = ConfigPath.Parent(current))
        {
            if (Find(current) is { } node)
            {
                return node.Position;
            }
        }
        return SourcePosition.Start;
    }

    /// <summary>True when the file has a node at <paramref name="path"/> (written, even as null; not defaulted).</summary>
    public bool Contains(string path) => Find(path) is not null;

    private ConfigNode? Find(string path)
    {
        var node = root;
        var i = 0;
        while (i < path.Length && node is not null)
        {
            if (path[i] == '.' && ++i == path.Length)
            {
                return null;
            }
            if (path[i] == '[' && i + 1 < path.Length && path[i + 1] == '"')
            {
                node = Entry(node, QuotedKey(path, ref i));
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i);
                if (end < 0 || !int.TryParse(path.AsSpan(i + 1, end - i - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    return null;
                }
                node = node is SequenceConfigNode sequence && index < sequence.Items.Count ? sequence.Items[index] : null;
                i = end + 1;
            }
            else
            {
                var end = path.IndexOfAny(['.', '['], i);
                end = end < 0 ? path.Length : end;
                node = Entry(node, path[i..end]);
                i = end;
            }
        }
        return node;
    }

    // The first entry with the key, as the binder takes a duplicated key's position from its first occurrence.
    private static ConfigNode? Entry(ConfigNode node, string key) =>
        node is MappingConfigNode mapping ? mapping.Entries.FirstOrDefault(e => e.Key.Value == key).Value : null;

    // ["key with \"quotes\""] as ConfigPath.Field writes a key that is not a plain name; i ends after the ].
    private static string QuotedKey(string path, ref int i)
    {
        var key = new StringBuilder();
        for (i += 2; i < path.Length; i++)
        {
            if (path[i] == '\\' && i + 1 < path.Length && path[i + 1] == '"')
            {
                key.Append('"');
                i++;
            }
            else if (path[i] == '"' && i + 1 < path.Length && path[i + 1] == ']')
            {
                i += 2;
                return key.ToString();
            }
            else
            {
                key.Append(path[i]);
            }
        }
        return key.ToString();
    }
}
