namespace Crema.Host.Leadership;

/// <summary>Where the lease is kept.</summary>
internal enum LeaseStoreKind
{
    /// <summary>A Cloud Storage object, <c>gs://BUCKET/OBJECT</c> (Cloud Run).</summary>
    CloudStorage,

    /// <summary>A coordination.k8s.io/v1 Lease, <c>k8s://NAMESPACE/NAME</c> (GKE and other Kubernetes).</summary>
    Kubernetes,
}
