using Crema.Abstractions;

namespace Crema.Scalers.Cron;

/// <summary>
/// Reads one <c>cron</c> trigger: no I/O, only the clock and the tz database. Inside the window the value is
/// desiredReplicas (active), outside 0 (inactive), against a target of 1.
/// </summary>
internal sealed class CronScaler(CronMetadata metadata, TimeProvider timeProvider) : IScaler
{
    public ValueTask<MetricReading> ReadAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(metadata.ReadingAt(timeProvider.GetUtcNow()));

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
