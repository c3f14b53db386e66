namespace Crema.Scalers.MetricsApi;

/// <summary>KEDA's dot-separated valueLocation for the yaml and xml formats: <c>foo.0.bar</c>.</summary>
internal static class DottedPath
{
    /// <summary>The path's segments, or null and why it cannot name anything.</summary>
    public static string[]? Create(string location, string format, out string? error)
    {
        var keys = location.Split('.');
        error = keys.Any(k => k.Length == 0)
            ? $"\"{location}\" has an empty segment; {format} paths are keys and indexes separated by single dots (foo.0.bar)"
            : null;
        return error is null ? keys : null;
    }
}
