using Crema.Core.Configuration.Yaml;

namespace Crema.Core.Configuration.Reporting;

/// <summary>Where each bound YAML path sits in the file, so validators that work on records can point at the right line.</summary>
internal sealed class SourceMap
{
    private readonly Dictionary<string, SourcePosition> positions = new(StringComparer.Ordinal);

    public void Add(string path, SourcePosition position) => positions.TryAdd(path, position);

    public bool Contains(string path) => positions.ContainsKey(path);

    /// <summary>The position of the path, else of its nearest bound ancestor, else the start of the file.</summary>
    public SourcePosition Locate(string path)
    {
        for (var current = path; current is not null; current = ConfigPath.Parent(current))
        {
            if (positions.TryGetValue(current, out var position))
            {
                return position;
            }
        }
        return SourcePosition.Start;
    }
}
