using System.Globalization;
using System.Text;

namespace Crema.Host.Observability;

/// <summary>Cumulative bucket counts, sum and count of one histogram label set.</summary>
internal sealed class HistogramValue(int bucketCount)
{
    private readonly long[] buckets = new long[bucketCount];
    private double sum;
    private long count;

    public void Add(double value, double[] bounds)
    {
        for (var i = 0; i < bounds.Length; i++)
        {
            if (value <= bounds[i])
            {
                buckets[i]++;
            }
        }
        sum += value;
        count++;
    }

    public void Write(StringBuilder text, string name, string labels, double[] bounds)
    {
        var prefix = labels.Length == 0 ? string.Empty : labels + ",";
        for (var i = 0; i < bounds.Length; i++)
        {
            text.Append(name).Append("_bucket{").Append(prefix).Append("le=\"")
                .Append(PrometheusTextExporter.FormatNumber(bounds[i])).Append("\"} ")
                .Append(buckets[i].ToString(CultureInfo.InvariantCulture)).Append('\n');
        }
        text.Append(name).Append("_bucket{").Append(prefix).Append("le=\"+Inf\"} ").Append(count.ToString(CultureInfo.InvariantCulture)).Append('\n');
        text.Append(name).Append("_sum").Append(InstrumentSeries.Braces(labels)).Append(' ').Append(PrometheusTextExporter.FormatNumber(sum)).Append('\n');
        text.Append(name).Append("_count").Append(InstrumentSeries.Braces(labels)).Append(' ').Append(count.ToString(CultureInfo.InvariantCulture)).Append('\n');
    }
}
