using System.Globalization;
using System.Text.Json;

namespace Crema.Scalers.Gcp.Monitoring;

/// <summary>
/// Reads a <c>ListTimeSeriesResponse</c> as the REST API writes it (proto3 JSON): int64 values are
/// strings, doubles are numbers or the strings NaN/Infinity, absent fields mean zero or empty.
/// </summary>
internal static class TimeSeriesJsonReader
{
    /// <summary>
    /// Parses one page; returns its series and the token of the next page (null on the last). Throws
    /// <see cref="FormatException"/> for text that is not JSON or JSON that is not a page.
    /// </summary>
    public static (IReadOnlyList<TimeSeriesData> Series, string? NextPageToken) ReadPage(string json)
    {
        using var document = Parse(json);
        try
        {
            return ReadPage(document);
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json on a name or string holding a lone surrogate escape ("\ud800"): valid JSON, no text.
            throw new FormatException("the reply holds a name or string that is not valid text");
        }
    }

    private static JsonDocument Parse(string json)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            // The parser's message quotes the reply; its position says enough.
            throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"the reply is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine})"));
        }
    }

    private static (IReadOnlyList<TimeSeriesData> Series, string? NextPageToken) ReadPage(JsonDocument document)
    {
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"the reply is a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not a ListTimeSeriesResponse object");
        }
        var series = new List<TimeSeriesData>();
        if (root.TryGetProperty("timeSeries", out var items) && items.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in items.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object))
            {
                series.Add(ReadSeries(item));
            }
        }
        var token = Text(root, "nextPageToken");
        return (series, string.IsNullOrEmpty(token) ? null : token);
    }

    private static TimeSeriesData ReadSeries(JsonElement item)
    {
        var metricType = Object(item, "metric") is { } metric && Text(metric, "type") is { } type ? type : string.Empty;
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Object(item, "resource") is { } resource && Object(resource, "labels") is { } resourceLabels)
        {
            foreach (var label in resourceLabels.EnumerateObject())
            {
                labels[label.Name] = Text(resourceLabels, label.Name) ?? string.Empty;
            }
        }
        var points = new List<MonitoringPoint>();
        if (item.TryGetProperty("points", out var pointItems) && pointItems.ValueKind == JsonValueKind.Array)
        {
            foreach (var point in pointItems.EnumerateArray().Where(p => p.ValueKind == JsonValueKind.Object))
            {
                points.Add(ReadPoint(point));
            }
        }
        return new TimeSeriesData(metricType, labels, points);
    }

    private static MonitoringPoint ReadPoint(JsonElement point)
    {
        var endTime = DateTimeOffset.MinValue;
        if (Object(point, "interval") is { } interval && Text(interval, "endTime") is { } end
            && DateTimeOffset.TryParse(end, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
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
        if (Object(value, "distributionValue") is { } distribution)
        {
            var count = distribution.TryGetProperty("count", out var c) ? ReadInt64(c) : 0;
            var mean = distribution.TryGetProperty("mean", out var m) ? ReadDouble(m) : 0;
            return new MonitoringPoint(endTime, null, new DistributionSummary((long)count, mean));
        }
        return new MonitoringPoint(endTime, null, null);
    }

    private static JsonElement? Object(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var child) && child.ValueKind == JsonValueKind.Object ? child : null;

    private static string? Text(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var child) && child.ValueKind == JsonValueKind.String ? TextOf(child) : null;

    // System.Text.Json refuses a string holding a lone surrogate escape ("\ud800"): valid JSON, but no text.
    private static string TextOf(JsonElement text)
    {
        try
        {
            return text.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw new FormatException("the reply holds a string that is not valid text");
        }
    }

    // proto3 JSON writes int64 as a string; accept a bare number too, as some proxies rewrite it.
    private static double ReadInt64(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String when long.TryParse(TextOf(element), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) => l,
        JsonValueKind.Number when element.TryGetInt64(out var n) => n,
        _ => throw new FormatException($"int64Value {Crema.Abstractions.UntrustedText.Escape(element.GetRawText())} is not an integer"),
    };

    private static double ReadDouble(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.String => TextOf(element) switch
        {
            "NaN" => double.NaN,
            "Infinity" => double.PositiveInfinity,
            "-Infinity" => double.NegativeInfinity,
            var text when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
            _ => throw new FormatException($"doubleValue {Crema.Abstractions.UntrustedText.Escape(element.GetRawText())} is not a number"),
        },
        _ => throw new FormatException($"doubleValue {Crema.Abstractions.UntrustedText.Escape(element.GetRawText())} is not a number"),
    };
}
