using Crema.Abstractions;

namespace Crema.Scalers.Beanstalkd;

/// <summary>
/// Reads a <c>beanstalkd</c> trigger: <c>stats-tube</c> over one short TCP connection per poll (KEDA keeps one open;
/// a fresh one survives a restarted server without a failed poll). The count is ready + reserved jobs, plus
/// delayed ones with includeDelayed; a tube the server does not know reads as 0, as in KEDA.
/// </summary>
internal sealed class BeanstalkdScaler(BeanstalkdMetadata metadata, TimeProvider timeProvider) : IScaler
{
    public async ValueTask<MetricReading> ReadAsync(CancellationToken cancellationToken)
    {
        var stats = await BeanstalkdClient.StatsTubeAsync(metadata, timeProvider, cancellationToken).ConfigureAwait(false);
        var reading = metadata.ToReading(metadata.Jobs(stats)) with
        {
            Details = new Dictionary<string, double>
            {
                ["jobs_ready"] = stats.Ready,
                ["jobs_reserved"] = stats.Reserved,
                ["jobs_delayed"] = stats.Delayed,
                ["jobs_buried"] = stats.Buried,
            },
        };
        return stats.Found ? reading : reading with { Note = $"tube \"{metadata.Tube}\" not found on the server: read as 0 jobs (KEDA's rule)" };
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask; // each read closes its own connection
}
