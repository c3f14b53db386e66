using Crema.Google.CloudRun;

namespace Crema.Host.Emulator;

/// <summary>The mutable in-memory state of one emulated worker pool or service (guarded by the emulator's lock).</summary>
internal sealed class EmulatedTarget(CloudRunResourceName name, int instanceCount, DateTimeOffset createdAt)
{
    public CloudRunResourceName Name { get; } = name;

    public string Uid { get; } = Guid.NewGuid().ToString();

    public long Generation { get; set; } = 1;

    public long ObservedGeneration { get; set; } = 1;

    public int InstanceCount { get; set; } = instanceCount;

    public DateTimeOffset CreateTime { get; } = createdAt;

    public DateTimeOffset UpdateTime { get; set; } = createdAt;

    public TimeSpan? OperationDelay { get; set; }

    /// <summary>A service's scaling mode: MANUAL (default) or AUTOMATIC, where the API ignores manualInstanceCount.</summary>
    public string ScalingMode { get; set; } = "MANUAL";

    public int PendingConflicts { get; set; }

    public int PendingOperationFailures { get; set; }

    public int PendingHangs { get; set; }

    public int PendingOperations { get; set; }

    public bool Reconciling => PendingOperations > 0;

    // Google's etags are opaque quoted strings; this one changes whenever the spec (generation) does.
    public string Etag => $"\"{Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{Uid}/{Generation}"))}\"";
}
