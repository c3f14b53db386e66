using System.Globalization;
using System.Text.RegularExpressions;
using OpenTelemetry.Proto.Collector.Metrics.V1;
using OpenTelemetry.Proto.Common.V1;
using OpenTelemetry.Proto.Metrics.V1;

namespace Crema.Tests.Observability.Otlp;

/// <summary>
/// Both exports in one shape, to compare them: series key <c>name{k="v",…}</c> (labels sorted by name) to value,
/// with a histogram as Prometheus spells it (cumulative <c>_bucket</c> with <c>le</c>, <c>_sum</c>, <c>_count</c>).
/// </summary>
internal static partial class OtlpSeries
{
    public static Dictionary<string, double> Of(ExportMetricsServiceRequest request)
    {
        var series = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var metric in request.ResourceMetrics.SelectMany(r => r.ScopeMetrics).SelectMany(s => s.Metrics))
        {
            switch (metric.DataCase)
            {
                case Metric.DataOneofCase.Gauge:
                    Add(series, metric.Name, metric.Gauge.DataPoints);
                    break;
                case Metric.DataOneofCase.Sum:
                    Add(series, metric.Name, metric.Sum.DataPoints);
                    break;
                case Metric.DataOneofCase.Histogram:
                    foreach (var point in metric.Histogram.DataPoints)
                    {
                        var labels = Labels(point.Attributes);
                        long cumulative = 0;
                        for (var i = 0; i < point.ExplicitBounds.Count; i++)
                        {
                            cumulative += (long)point.BucketCounts[i];
                            series[Key(metric.Name + "_bucket", labels.Append(("le", Number(point.ExplicitBounds[i]))))] = cumulative;
                        }
                        series[Key(metric.Name + "_bucket", labels.Append(("le", "+Inf")))] = point.Count;
                        series[Key(metric.Name + "_sum", labels)] = point.Sum;
                        series[Key(metric.Name + "_count", labels)] = point.Count;
                    }
                    break;
                default:
                    throw new ShouldAssertException($"{metric.Name}: unexpected OTLP data {metric.DataCase}");
            }
        }
        return series;
    }

    /// <summary>The samples of Prometheus text (as /metrics serves it).</summary>
    public static Dictionary<string, double> OfPrometheus(string text)
    {
        var series = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n').Where(l => l.Length > 0 && l[0] != '#'))
        {
            var match = SampleLine().Match(line);
            match.Success.ShouldBeTrue(line);
            var labels = LabelPair().Matches(match.Groups["labels"].Value).Select(m => (m.Groups["key"].Value, m.Groups["value"].Value));
            series[Key(match.Groups["name"].Value, labels)] = double.Parse(match.Groups["value"].Value.Replace("+Inf", "Infinity", StringComparison.Ordinal), CultureInfo.InvariantCulture);
        }
        return series;
    }

    /// <summary>Every attribute key on any data point of <paramref name="request"/>, by metric name.</summary>
    public static ILookup<string, string> AttributeKeys(ExportMetricsServiceRequest request) =>
        (from metric in request.ResourceMetrics.SelectMany(r => r.ScopeMetrics).SelectMany(s => s.Metrics)
         from attributes in metric.DataCase switch
         {
             Metric.DataOneofCase.Gauge => metric.Gauge.DataPoints.Select(p => p.Attributes),
             Metric.DataOneofCase.Sum => metric.Sum.DataPoints.Select(p => p.Attributes),
             _ => metric.Histogram.DataPoints.Select(p => p.Attributes),
         }
         from attribute in attributes
         select (metric.Name, attribute.Key)).Distinct().ToLookup(p => p.Name, p => p.Key);

    public static string Text(AnyValue value) => value.ValueCase switch
    {
        AnyValue.ValueOneofCase.StringValue => value.StringValue,
        AnyValue.ValueOneofCase.IntValue => value.IntValue.ToString(CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.DoubleValue => Number(value.DoubleValue),
        AnyValue.ValueOneofCase.BoolValue => value.BoolValue ? "true" : "false",
        _ => value.ToString(),
    };

    private static void Add(Dictionary<string, double> series, string name, IEnumerable<NumberDataPoint> points)
    {
        foreach (var point in points)
        {
            series[Key(name, Labels(point.Attributes))] = point.ValueCase == NumberDataPoint.ValueOneofCase.AsInt ? point.AsInt : point.AsDouble;
        }
    }

    private static IEnumerable<(string Key, string Value)> Labels(IEnumerable<KeyValue> attributes) => attributes.Select(a => (a.Key, Text(a.Value))).ToList();

    private static string Key(string name, IEnumerable<(string Key, string Value)> labels)
    {
        var sorted = labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}=\"{l.Value}\"").ToList();
        return sorted.Count == 0 ? name : $"{name}{{{string.Join(',', sorted)}}}";
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})? (?<value>\S+)$""")]
    private static partial Regex SampleLine();

    [GeneratedRegex("""(?<key>[a-zA-Z_][a-zA-Z0-9_]*)="(?<value>(?:[^"\\]|\\.)*)"(,|$)""")]
    private static partial Regex LabelPair();
}
