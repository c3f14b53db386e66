using System.Collections.Concurrent;

namespace Crema.Host.Daemon;

/// <summary>
/// Bounds the reads in flight towards each trigger type, so hundreds of scaled objects polling at once
/// cannot flood one source. Default 16 per type. (Cloud Run calls are paced by the client itself, per
/// request, to the Admin API's quotas: see CloudRunQuota.)
/// </summary>
internal sealed class ConcurrencyLimits(int perTriggerType = 16)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> byTriggerType = new(StringComparer.Ordinal);

    /// <summary>Reads in flight allowed per trigger type, abandoned ones included.</summary>
    public int PerTriggerType => perTriggerType;

    public SemaphoreSlim ForTriggerType(string type) => byTriggerType.GetOrAdd(type, _ => new SemaphoreSlim(perTriggerType, perTriggerType));
}
