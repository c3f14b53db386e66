namespace Crema.Core.Configuration;

/// <summary>Kubernetes-style object metadata: a name, annotations and labels (all optional).</summary>
public sealed record ObjectMetadata
{
    /// <summary>The object's name.</summary>
    public string? Name { get; init; }

    /// <summary>Accepted for Kubernetes compatibility (CREMA accepts every ObjectMeta field); Cloud Run has no namespaces, so it is ignored.</summary>
    public string? Namespace { get; init; }

    /// <summary>Annotations such as <c>autoscaling.keda.sh/paused</c>.</summary>
    public IReadOnlyDictionary<string, string> Annotations { get; init; } = new Dictionary<string, string>();

    /// <summary>Free-form labels (informational).</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
}
