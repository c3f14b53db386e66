using Crema.Host.Leadership;
using OpenTelemetry.Resources;

namespace Crema.Host.Observability.Otlp;

/// <summary>
/// The resource every exported series carries: <c>service.name</c> crema, <c>service.version</c> the build,
/// <c>service.instance.id</c> the Cloud Run instance id from the metadata server when running there (else host,
/// process id and a random suffix), and on Cloud Run the <c>cloud.*</c> and <c>faas.*</c> attributes of its
/// service and revision (K_SERVICE, K_REVISION). OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES override them.
/// </summary>
internal static class OtlpResource
{
    public const string ServiceName = "crema";

    public static async Task<ResourceBuilder> CreateAsync(Func<string, string?> environment, HttpClient metadata, CancellationToken ct)
    {
        var revision = environment("K_REVISION");
        var instance = string.IsNullOrEmpty(revision) ? null : await HolderIdentity.InstanceIdAsync(environment, metadata, ct).ConfigureAwait(false);
        var attributes = new List<KeyValuePair<string, object>>();
        if (environment("K_SERVICE") is { Length: > 0 } service)
        {
            attributes.Add(new("cloud.provider", "gcp"));
            attributes.Add(new("cloud.platform", "gcp_cloud_run"));
            attributes.Add(new("faas.name", service));
            if (!string.IsNullOrEmpty(revision))
            {
                attributes.Add(new("faas.version", revision));
            }
            if (instance is not null)
            {
                attributes.Add(new("faas.instance", instance));
            }
        }
        return ResourceBuilder.CreateEmpty()
            .AddService(ServiceName, serviceVersion: CremaMetrics.BuildVersion().Version, serviceInstanceId: instance ?? HolderIdentity.Fallback(), autoGenerateServiceInstanceId: false)
            .AddAttributes(attributes)
            .AddEnvironmentVariableDetector();
    }
}
