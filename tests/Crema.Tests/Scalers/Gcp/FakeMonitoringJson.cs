using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Crema.Tests.Scalers.Gcp;

/// <summary>
/// Writes responses in the exact shapes of Cloud Monitoring v3 (discovery document
/// monitoring:v3): ListTimeSeriesResponse {timeSeries[], nextPageToken}, TimeSeries {metric,
/// resource, metricKind, valueType, points[]}, Point {interval {startTime, endTime}, value
/// TypedValue}, TypedValue int64Value as a string and doubleValue as a number; errors as
/// {"error": {code, message, status}}. An empty result is <c>{}</c>.
/// </summary>
internal static class FakeMonitoringJson
{
    public static string Page(IReadOnlyList<(FakeSeries Series, IReadOnlyList<(DateTimeOffset EndTime, double Value)> Points)> page, string? nextPageToken)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            if (page.Count > 0)
            {
                json.WriteStartArray("timeSeries");
                foreach (var (series, points) in page)
                {
                    WriteSeries(json, series, points);
                }
                json.WriteEndArray();
            }
            if (nextPageToken is not null)
            {
                json.WriteString("nextPageToken", nextPageToken);
            }
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static string Error(int code, string status, string message)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteStartObject("error");
            json.WriteNumber("code", code);
            json.WriteString("message", message);
            json.WriteString("status", status);
            if (status == "RESOURCE_EXHAUSTED")
            {
                json.WriteStartArray("details");
                json.WriteStartObject();
                json.WriteString("@type", "type.googleapis.com/google.rpc.ErrorInfo");
                json.WriteString("reason", "RATE_LIMIT_EXCEEDED");
                json.WriteString("domain", "googleapis.com");
                json.WriteEndObject();
                json.WriteEndArray();
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>RFC 3339 with microseconds, as the API writes timestamps.</summary>
    public static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private static void WriteSeries(Utf8JsonWriter json, FakeSeries series, IReadOnlyList<(DateTimeOffset EndTime, double Value)> points)
    {
        json.WriteStartObject();
        json.WriteStartObject("metric");
        WriteLabels(json, series.MetricLabels);
        json.WriteString("type", series.MetricType);
        json.WriteEndObject();
        json.WriteStartObject("resource");
        json.WriteString("type", series.ResourceType);
        WriteLabels(json, series.ResourceLabels);
        json.WriteEndObject();
        json.WriteString("metricKind", series.MetricKind);
        json.WriteString("valueType", series.ValueType);
        json.WriteStartArray("points");
        foreach (var (endTime, value) in points)
        {
            json.WriteStartObject();
            json.WriteStartObject("interval");
            // A GAUGE point's interval is a single instant; a DELTA point covers its (one-minute) sampling period.
            json.WriteString("startTime", Timestamp(series.MetricKind == "DELTA" ? endTime.AddMinutes(-1) : endTime));
            json.WriteString("endTime", Timestamp(endTime));
            json.WriteEndObject();
            json.WriteStartObject("value");
            if (series.ValueType == "INT64")
            {
                json.WriteString("int64Value", ((long)value).ToString(CultureInfo.InvariantCulture));
            }
            else if (series.ValueType == "DISTRIBUTION")
            {
                WriteDistribution(json, series.SampleCount, value);
            }
            else
            {
                json.WriteNumber("doubleValue", value);
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    // Distribution: count as an int64 string, mean, sumOfSquaredDeviation, bucketOptions and bucketCounts (int64 strings);
    // every value is put in the bucket holding the mean, which is all a reader of count and mean can tell apart.
    private static void WriteDistribution(Utf8JsonWriter json, long count, double mean)
    {
        json.WriteStartObject("distributionValue");
        json.WriteString("count", count.ToString(CultureInfo.InvariantCulture));
        if (count > 0)
        {
            json.WriteNumber("mean", mean);
        }
        json.WriteNumber("sumOfSquaredDeviation", 0);
        json.WriteStartObject("bucketOptions");
        json.WriteStartObject("linearBuckets");
        json.WriteNumber("numFiniteBuckets", 100);
        json.WriteNumber("width", 0.01);
        json.WriteNumber("offset", 0);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartArray("bucketCounts");
        var bucket = Math.Clamp((int)Math.Floor(mean / 0.01) + 1, 0, 101);
        for (var i = 0; i <= bucket; i++)
        {
            json.WriteStringValue((i == bucket ? count : 0).ToString(CultureInfo.InvariantCulture));
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteLabels(Utf8JsonWriter json, IReadOnlyDictionary<string, string> labels)
    {
        if (labels.Count == 0)
        {
            return;
        }
        json.WriteStartObject("labels");
        foreach (var (key, value) in labels)
        {
            json.WriteString(key, value);
        }
        json.WriteEndObject();
    }
}
