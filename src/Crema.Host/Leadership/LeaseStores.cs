using Crema.Host.Daemon;
using k8s;

namespace Crema.Host.Leadership;

/// <summary>Builds the store a <see cref="LeaseLocation"/> names.</summary>
internal static class LeaseStores
{
    /// <summary>
    /// The store for <paramref name="location"/>; throws <see cref="InvalidOperationException"/> saying what is
    /// missing when Kubernetes credentials cannot be found.
    /// </summary>
    public static ILeaseStore Create(LeaseLocation location, GoogleServices google, Func<string, string?> environment) =>
        location.Kind switch
        {
            LeaseStoreKind.CloudStorage => new CloudStorageLeaseStore(google.Storage, location.Container, location.Name),
            _ => new KubernetesLeaseStore(new Kubernetes(KubernetesConfig(environment)), location.Container, location.Name),
        };

    /// <summary>In a pod, its service account (token and CA mounted by Kubernetes); elsewhere $KUBECONFIG or ~/.kube/config.</summary>
    internal static KubernetesClientConfiguration KubernetesConfig(Func<string, string?> environment)
    {
        if (environment("KUBERNETES_SERVICE_HOST") is { Length: > 0 } && KubernetesClientConfiguration.IsInCluster())
        {
            return KubernetesClientConfiguration.InClusterConfig();
        }
        var path = environment("KUBECONFIG") is { Length: > 0 } list
            ? list.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)[0]
            : Path.Combine(environment("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".kube", "config");
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"a k8s:// lease needs Kubernetes credentials: not in a pod (no KUBERNETES_SERVICE_HOST with a service account token) and no kubeconfig at {path} (set KUBECONFIG)");
        }
        try
        {
            return KubernetesClientConfiguration.BuildConfigFromConfigFile(path);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new InvalidOperationException($"a k8s:// lease: cannot use the kubeconfig {path}: {ErrorText.Of(e)}", e);
        }
    }
}
