using System.Globalization;

namespace Crema.Host.Demo;

/// <summary>What the demo prints at the end: peaks, instance-seconds and how often the count changed.</summary>
internal sealed class DemoStats
{
    private double peakBacklog;
    private int peakInstances;
    private int instanceSeconds;
    private int changes;
    private int? last;

    public void Add(double backlog, int instances)
    {
        peakBacklog = Math.Max(peakBacklog, backlog);
        peakInstances = Math.Max(peakInstances, instances);
        instanceSeconds += instances;
        if (last is { } previous && previous != instances)
        {
            changes++;
        }
        last = instances;
    }

    public string Summary(double processed) => string.Create(CultureInfo.InvariantCulture,
        $"Summary: {processed:0} messages processed, peak backlog {peakBacklog:0}, peak instances {peakInstances}, "
        + $"{instanceSeconds} instance-seconds, {changes} scale changes, {last ?? 0} instances at the end.");
}
