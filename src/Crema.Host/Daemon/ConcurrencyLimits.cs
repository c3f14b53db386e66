using System.Collections.Concurrent;

namespace Crema.Host.Daemon;

/// <summary>
/// Bounds the calls in flight towards each external API, so hundreds of scaled objects polling at once
/// cannot flood one source or Cloud Run. Defaults: 8 Cloud Run calls, 16 reads per trigger type.
/// </summary>
internal sealed class ConcurrencyLimits(int cloudRun = 8, int perTriggerType = 16)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> byTriggerType = new(StringComparer.Ordinal);

    public SemaphoreSlim CloudRun { get; } = new(cloudRun, cloudRun);

    /// <summary>Reads in flight allowed per trigger type, abandoned ones included.</summary>
    public int PerTriggerType => perTriggerType;

    public SemaphoreSlim ForTriggerType(string type) => byTriggerType.GetOrAdd(type, _ => new SemaphoreSlim(perTriggerType, perTriggerType));
}
