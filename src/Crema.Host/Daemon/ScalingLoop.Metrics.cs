namespace Crema.Host.Daemon;

internal sealed partial class ScalingLoop
{
    private int? accountedCount;
    private long accountedAt;

    private void RecordReads(IReadOnlyList<TriggerReading> readings)
    {
        foreach (var reading in readings)
        {
            if (reading.Error is not null)
            {
                services.Metrics.TriggerError(Name, reading.Key, reading.Type);
            }
            if (reading.Duration is { } duration)
            {
                services.Metrics.TriggerRead(reading.Type, reading.Error is null, duration);
            }
        }
    }

    /// <summary>
    /// Adds the instance-seconds since the previous poll at the count Crema knew then (it changes the count
    /// only during a poll, and a drift is noticed at the next read). An unknown count adds nothing; the first
    /// poll adds 0, so the series exists from the object's start.
    /// </summary>
    private void AccountInstances()
    {
        var now = services.Time.GetTimestamp();
        var seconds = accountedCount is { } count ? count * services.Time.GetElapsedTime(accountedAt, now).TotalSeconds : 0;
        services.Metrics.InstanceSeconds(Name, Target, seconds);
        accountedCount = instances.Known;
        accountedAt = now;
    }
}
