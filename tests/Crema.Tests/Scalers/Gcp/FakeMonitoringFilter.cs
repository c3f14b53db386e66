using System.Text;

namespace Crema.Tests.Scalers.Gcp;

/// <summary>
/// The subset of the Cloud Monitoring filter language the fake understands: clauses
/// <c>name = "value"</c> joined by AND, on metric.type, resource.type, resource.labels.X and
/// metric.labels.X. Anything else is rejected the way the API rejects a bad filter (400).
/// </summary>
internal sealed record FakeMonitoringFilter(string MetricType, string? ResourceType, IReadOnlyDictionary<string, string> ResourceLabels, IReadOnlyDictionary<string, string> MetricLabels)
{
    /// <summary>Parses a filter; returns null and an API-style message when it is not understood.</summary>
    public static FakeMonitoringFilter? Parse(string? filter, out string error)
    {
        error = string.Empty;
        if (string.IsNullOrWhiteSpace(filter))
        {
            error = "The filter is required.";
            return null;
        }
        string? metricType = null;
        string? resourceType = null;
        var resourceLabels = new Dictionary<string, string>(StringComparer.Ordinal);
        var metricLabels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var clause in SplitAnd(filter))
        {
            var equals = clause.IndexOf('=', StringComparison.Ordinal);
            var value = equals > 0 ? Unquote(clause[(equals + 1)..].Trim()) : null;
            if (value is null)
            {
                error = $"Could not parse filter clause '{clause}'.";
                return null;
            }
            var name = clause[..equals].Trim();
            if (name == "metric.type") { metricType = value; }
            else if (name == "resource.type") { resourceType = value; }
            else if (TryLabel(name, "resource", out var resourceLabel)) { resourceLabels[resourceLabel] = value; }
            else if (TryLabel(name, "metric", out var metricLabel)) { metricLabels[metricLabel] = value; }
            else
            {
                error = $"Field {name} is not supported by this fake.";
                return null;
            }
        }
        if (metricType is null)
        {
            error = "A filter must specify a metric type.";
            return null;
        }
        return new FakeMonitoringFilter(metricType, resourceType, resourceLabels, metricLabels);
    }

    /// <summary>True when a series matches every clause.</summary>
    public bool Matches(FakeSeries series) =>
        series.MetricType == MetricType
        && (ResourceType is null || series.ResourceType == ResourceType)
        && ResourceLabels.All(l => series.ResourceLabels.TryGetValue(l.Key, out var v) && v == l.Value)
        && MetricLabels.All(l => series.MetricLabels.TryGetValue(l.Key, out var v) && v == l.Value);

    private static bool TryLabel(string name, string prefix, out string label)
    {
        foreach (var form in new[] { prefix + ".labels.", prefix + ".label." })
        {
            if (name.StartsWith(form, StringComparison.Ordinal))
            {
                label = name[form.Length..];
                return label.Length > 0;
            }
        }
        label = string.Empty;
        return false;
    }

    // Splits on AND outside quotes.
    private static IEnumerable<string> SplitAnd(string filter)
    {
        var start = 0;
        var quoted = false;
        for (var i = 0; i < filter.Length; i++)
        {
            if (filter[i] == '\\' && quoted) { i++; continue; }
            if (filter[i] == '"') { quoted = !quoted; continue; }
            if (!quoted && string.CompareOrdinal(filter, i, " AND ", 0, 5) == 0)
            {
                yield return filter[start..i].Trim();
                start = i + 5;
                i += 4;
            }
        }
        yield return filter[start..].Trim();
    }

    private static string? Unquote(string text)
    {
        if (text.Length < 2 || text[0] != '"' || text[^1] != '"')
        {
            return null;
        }
        var builder = new StringBuilder();
        for (var i = 1; i < text.Length - 1; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length - 1) { i++; }
            builder.Append(text[i]);
        }
        return builder.ToString();
    }
}
