using Crema.Abstractions;

namespace Crema.Host.Daemon;

/// <summary>The outcome of reading one trigger in one poll: a reading or an error message (never a secret).</summary>
internal sealed record TriggerReading(string Key, string Type, MetricReading? Reading, string? Error)
{
    /// <summary>Earlier reads of this trigger abandoned after their timeout and still running.</summary>
    public int StrandedReads { get; init; }

    /// <summary>How long the read ran (on the injected clock); null when it was refused before it started.</summary>
    public TimeSpan? Duration { get; init; }
}
