using System.Globalization;
using System.Text.RegularExpressions;

namespace Crema.Core.Configuration.Reporting;

/// <summary>Builds and walks YAML paths such as <c>spec.scaledObjects[0].metadata.annotations["autoscaling.keda.sh/paused"]</c>.</summary>
internal static partial class ConfigPath
{
    public static string Field(string parent, string name)
    {
        if (!SimpleKey().IsMatch(name))
        {
            return $"{parent}[\"{name.Replace("\"", "\\\"", StringComparison.Ordinal)}\"]";
        }
        return parent.Length == 0 ? name : $"{parent}.{name}";
    }

    public static string Item(string parent, int index) =>
        $"{parent}[{index.ToString(CultureInfo.InvariantCulture)}]";

    /// <summary>The enclosing path, or null at the root.</summary>
    public static string? Parent(string path)
    {
        if (path.Length == 0)
        {
            return null;
        }
        int cut;
        if (path.EndsWith("\"]", StringComparison.Ordinal))
        {
            cut = path.LastIndexOf("[\"", StringComparison.Ordinal);
        }
        else if (path.EndsWith(']'))
        {
            cut = path.LastIndexOf('[');
        }
        else
        {
            cut = path.LastIndexOf('.');
        }
        return cut <= 0 ? string.Empty : path[..cut];
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_-]*$")]
    private static partial Regex SimpleKey();
}
