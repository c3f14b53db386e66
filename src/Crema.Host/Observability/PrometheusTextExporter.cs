using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace Crema.Host.Observability;

/// <summary>
/// Renders the instruments of one <see cref="Meter"/> in the Prometheus text exposition format 0.0.4.
/// Written here because no Prometheus client package is available: counters and histograms are
/// aggregated as measurements arrive; observable gauges are read at scrape time. Instrument names are
/// already Prometheus names (units in the name, counters ending in <c>_total</c>).
/// </summary>
internal sealed class PrometheusTextExporter : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly ConcurrentDictionary<Instrument, InstrumentSeries> series = new();
    private readonly Lock scrapeLock = new();
    private readonly double[] bucketBounds;
    private readonly ConcurrentDictionary<string, string> labelPool = new(StringComparer.Ordinal);

    public PrometheusTextExporter(Meter meter, double[] histogramBuckets)
    {
        bucketBounds = histogramBuckets;
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter, meter))
            {
                series.TryAdd(instrument, new InstrumentSeries(instrument, BucketsOf(instrument) ?? bucketBounds, labelPool));
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>(OnMeasurement);
        listener.SetMeasurementEventCallback<long>((i, v, t, s) => OnMeasurement(i, v, t, s));
        listener.SetMeasurementEventCallback<int>((i, v, t, s) => OnMeasurement(i, v, t, s));
        listener.Start();
    }

    /// <summary>The exposition text of every instrument, sorted by name.</summary>
    public string Scrape()
    {
        lock (scrapeLock)
        {
            foreach (var s in series.Values.Where(s => s.IsObservable))
            {
                s.ResetGauges();
            }
            listener.RecordObservableInstruments();
            var text = new StringBuilder();
            foreach (var s in series.Values.OrderBy(s => s.Instrument.Name, StringComparer.Ordinal))
            {
                s.Write(text);
                if (s.IsObservable)
                {
                    // Read again at the next scrape; kept until then they would hold every gauge series of every object in between.
                    s.ResetGauges();
                }
            }
            return text.ToString();
        }
    }

    public void Dispose() => listener.Dispose();

    // A histogram created with InstrumentAdvice keeps its own bounds: fewer buckets where it has a series per object.
    private static double[]? BucketsOf(Instrument instrument) =>
        instrument is Histogram<double> { Advice.HistogramBucketBoundaries: { Count: > 0 } bounds } ? [.. bounds] : null;

    private void OnMeasurement(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        if (series.TryGetValue(instrument, out var s))
        {
            s.Record(value, tags);
        }
    }

    internal static string FormatNumber(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        double.NaN => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };
}
