using Crema.Host.Status;

namespace Crema.Tests.HostStatus;

/// <summary>Object statuses for the status and page tests.</summary>
internal static class StatusSamples
{
    public static readonly DateTimeOffset T0 = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static TriggerStatus Trigger(string name = "queue", double? value = 3, double? target = 1, string? error = null, bool fallback = false) =>
        new(name, "prometheus", value, target, value > 0, fallback, error is null ? 0 : 1, error, null, null);

    /// <summary>Polled at <see cref="T0"/>, active, at its desired count of 3.</summary>
    public static ObjectStatus Polled(params TriggerStatus[] triggers) => new()
    {
        Name = "pool-a",
        Target = "projects/p/locations/europe-west1/workerPools/pool-a",
        Current = 3,
        Desired = 3,
        Active = true,
        LastPollAt = T0,
        LastDecision = "hold 3",
        Reason = "hpa: queue=3 target=1 -> 3",
        Triggers = triggers.Length == 0 ? [Trigger()] : triggers,
    };
}
