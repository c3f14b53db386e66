using System.Globalization;
using System.Text.Json;

namespace Crema.Scalers.Gcp.Monitoring;

/// <summary>
/// Reads a <c>ListTimeSeriesResponse</c> as the REST API writes it (proto3 JSON): int64 values are
/// strings, doubles are numbers or the strings NaN/Infinity, absent fields mean zero or empty.
/// </summary>
internal static class TimeSeriesJsonReader
{
    /// <summary>Parses one page; returns its series and the token of the next page (null on the last).</summary>
    public static (IReadOnlyList<TimeSeriesData> Series, string? NextPageToken) ReadPage(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var series = new List<TimeSeriesData>();
        if (root.TryGetProperty("timeSeries", out var items) && items.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in items.EnumerateArray())
            {
                series.Add(ReadSeries(item));
            }
        }
        var token = root.TryGetProperty("nextPageToken", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        return (series, string.IsNullOrEmpty(token) ? null : token);
    }

    private static TimeSeriesData ReadSeries(JsonElement item)
    {
        var metricType = item.TryGetProperty("metric", out var metric) && metric.TryGetProperty("type", out var type)
            ? type.GetString() ?? string.Empty
            : string.Empty;
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (item.TryGetProperty("resource", out var resource) && resource.TryGetProperty("labels", out var resourceLabels)
            && resourceLabels.ValueKind == JsonValueKind.Object)
        {
            foreach (var label in resourceLabels.EnumerateObject())
            {
                labels[label.Name] = label.Value.GetString() ?? string.Empty;
            }
        }
        var points = new List<MonitoringPoint>();
        if (item.TryGetProperty("points", out var pointItems) && pointItems.ValueKind == JsonValueKind.Array)
        {
            foreach (var point in pointItems.EnumerateArray())
            {
                points.Add(ReadPoint(point));
            }
        }
        return new TimeSeriesData(metricType, labels, points);
    }

    private static MonitoringPoint ReadPoint(JsonElement point)
    {
        var endTime = DateTimeOffset.MinValue;
        if (point.TryGetProperty("interval", out var interval) && interval.TryGetProperty("endTime", out var end)
            && DateTimeOffset.TryParse(end.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            endTime = parsed;
        }
        if (!point.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Object)
        {
            return new MonitoringPoint(endTime, null, null);
        }
        if (value.TryGetProperty("int64Value", out var int64))
        {
            return new MonitoringPoint(endTime, ReadInt64(int64), null);
        }
        if (value.TryGetProperty("doubleValue", out var number))
        {
            return new MonitoringPoint(endTime, ReadDouble(number), null);
        }
        if (value.TryGetProperty("boolValue", out var flag))
        {
            return new MonitoringPoint(endTime, flag.ValueKind == JsonValueKind.True ? 1 : 0, null);
        }
        if (value.TryGetProperty("distributionValue", out var distribution))
        {
            var count = distribution.TryGetProperty("count", out var c) ? ReadInt64(c) : 0;
            var mean = distribution.TryGetProperty("mean", out var m) ? ReadDouble(m) : 0;
            return new MonitoringPoint(endTime, null, new DistributionSummary((long)count, mean));
        }
        return new MonitoringPoint(endTime, null, null);
    }

    // proto3 JSON writes int64 as a string; accept a bare number too, as some proxies rewrite it.
    private static double ReadInt64(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String when long.TryParse(element.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) => l,
        JsonValueKind.Number when element.TryGetInt64(out var n) => n,
        _ => throw new FormatException($"int64Value {element.GetRawText()} is not an integer"),
    };

    private static double ReadDouble(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.String => element.GetString() switch
        {
            "NaN" => double.NaN,
            "Infinity" => double.PositiveInfinity,
            "-Infinity" => double.NegativeInfinity,
            var text when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
            _ => throw new FormatException($"doubleValue {element.GetRawText()} is not a number"),
        },
        _ => throw new FormatException($"doubleValue {element.GetRawText()} is not a number"),
    };
}
