using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace Crema.Host.Observability;

/// <summary>
/// The aggregated values of one instrument, one entry per label set. The label texts of counters and histograms,
/// which are kept for the process's life, come from <paramref name="labelPool"/>, shared by all instruments: the
/// same object's labels (<c>scaled_object="..",target=".."</c>) are then one string, not one per instrument.
/// </summary>
internal sealed class InstrumentSeries(Instrument instrument, double[] bucketBounds, ConcurrentDictionary<string, string> labelPool)
{
    private readonly Lock gate = new();
    private readonly SortedDictionary<string, double> values = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, HistogramValue> histograms = new(StringComparer.Ordinal);

    public Instrument Instrument { get; } = instrument;

    public bool IsObservable => Instrument is ObservableGauge<double> or ObservableGauge<long> or ObservableGauge<int>
        or ObservableCounter<double> or ObservableCounter<long> or ObservableUpDownCounter<long> or ObservableUpDownCounter<double>;

    private bool IsHistogram => Instrument is Histogram<double> or Histogram<long>;

    private bool IsCounter => Instrument is Counter<long> or Counter<double> or ObservableCounter<long> or ObservableCounter<double>;

    public void ResetGauges()
    {
        lock (gate)
        {
            values.Clear();
        }
    }

    public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = Labels(tags);
        lock (gate)
        {
            if (IsHistogram)
            {
                if (!histograms.TryGetValue(labels, out var histogram))
                {
                    histograms[labelPool.GetOrAdd(labels, labels)] = histogram = new HistogramValue(bucketBounds.Length);
                }
                histogram.Add(value, bucketBounds);
            }
            else if (IsCounter && !IsObservable)
            {
                if (values.TryGetValue(labels, out var total))
                {
                    values[labels] = total + value;
                }
                else
                {
                    values[labelPool.GetOrAdd(labels, labels)] = value;
                }
            }
            else
            {
                values[labels] = value;
            }
        }
    }

    public void Write(StringBuilder text)
    {
        var name = Instrument.Name;
        var type = IsHistogram ? "histogram" : IsCounter ? "counter" : "gauge";
        lock (gate)
        {
            text.Append("# HELP ").Append(name).Append(' ').Append(Escape(Instrument.Description ?? name, help: true)).Append('\n');
            text.Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');
            foreach (var (labels, value) in values)
            {
                text.Append(name).Append(Braces(labels)).Append(' ').Append(PrometheusTextExporter.FormatNumber(value)).Append('\n');
            }
            foreach (var (labels, histogram) in histograms)
            {
                histogram.Write(text, name, labels, bucketBounds);
            }
        }
    }

    internal static string Braces(string labels) => labels.Length == 0 ? string.Empty : "{" + labels + "}";

    internal static string Escape(string value, bool help = false)
    {
        var escaped = value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
        return help ? escaped : escaped.Replace("\"", "\\\"", StringComparison.Ordinal);
    }

    private static string Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.Length == 0)
        {
            return string.Empty;
        }
        var pairs = new List<string>(tags.Length);
        foreach (var tag in tags)
        {
            var value = Convert.ToString(tag.Value, CultureInfo.InvariantCulture) ?? string.Empty;
            pairs.Add($"{tag.Key}=\"{Escape(value)}\"");
        }
        pairs.Sort(StringComparer.Ordinal);
        return string.Join(',', pairs);
    }
}
