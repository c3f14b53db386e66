namespace Crema.Host.Leadership;

/// <summary>A lease as read or written, with the store's version of it (Cloud Storage generation, Kubernetes resourceVersion).</summary>
internal sealed record LeaseSnapshot(LeaseRecord Record, string Version);
