using Crema.Abstractions;

namespace Crema.Core.Engine;

/// <summary>
/// What one trigger returned this poll: exactly one of <paramref name="Reading"/> or <paramref name="Error"/> is set.
/// <paramref name="TriggerName"/> is the trigger's name, or its 0-based index (invariant culture) when unnamed.
/// </summary>
public sealed record TriggerSample(string TriggerName, MetricReading? Reading, string? Error)
{
    /// <summary>A successful reading.</summary>
    public static TriggerSample Success(string triggerName, MetricReading reading) => new(triggerName, reading, null);

    /// <summary>A failed read; <paramref name="error"/> must not contain a secret.</summary>
    public static TriggerSample Failure(string triggerName, string error) => new(triggerName, null, error);
}
