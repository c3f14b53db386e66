using System.Collections.Concurrent;
using Crema.Abstractions;

namespace Crema.Scalers.Gcp.Monitoring;

/// <summary>
/// Finds the project to query when a trigger names none: the service-account key's project_id,
/// then GOOGLE_CLOUD_PROJECT / CLOUDSDK_CORE_PROJECT / GCLOUD_PROJECT, then the metadata server
/// (Cloud Run, GCE). The metadata answer is cached for the process.
/// </summary>
internal static class GcpProjectResolver
{
    private static readonly string[] ProjectVariables = ["GOOGLE_CLOUD_PROJECT", "CLOUDSDK_CORE_PROJECT", "GCLOUD_PROJECT"];
    private static readonly ConcurrentDictionary<string, string> MetadataAnswers = new(StringComparer.Ordinal);
    private static readonly TimeSpan MetadataTimeout = TimeSpan.FromSeconds(3);

    /// <summary>The project without network I/O, or null when only the metadata server can tell.</summary>
    public static string? ResolveOffline(string? explicitProject, GcpCredentials credentials, Func<string, string?> environment)
    {
        if (!string.IsNullOrWhiteSpace(explicitProject))
        {
            return explicitProject.Trim();
        }
        if (!string.IsNullOrWhiteSpace(credentials.ProjectId))
        {
            return credentials.ProjectId;
        }
        return ProjectVariables.Select(environment).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
    }

    /// <summary>The project, asking the metadata server as a last resort; throws a clear error when none is found.</summary>
    public static async ValueTask<string> ResolveAsync(
        string? explicitProject, GcpCredentials credentials, ScalerContext context, string howToName, CancellationToken cancellationToken)
    {
        if (ResolveOffline(explicitProject, credentials, context.Environment) is { } project)
        {
            return project;
        }
        var host = context.Environment("GCE_METADATA_HOST") is { Length: > 0 } h ? h : "metadata.google.internal";
        if (MetadataAnswers.TryGetValue(host, out var cached))
        {
            return cached;
        }
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(MetadataTimeout);
            using var request = new HttpRequestMessage(HttpMethod.Get, $"http://{host}/computeMetadata/v1/project/project-id");
            request.Headers.Add("Metadata-Flavor", "Google");
            var http = context.Services.GetHttpClient(HttpClientSettings.Default);
            using var response = await http.SendAsync(request, timeout.Token).ConfigureAwait(false);
            var text = (await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false)).Trim();
            if (response.IsSuccessStatusCode && text.Length > 0)
            {
                return MetadataAnswers.GetOrAdd(host, text);
            }
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // Not on Google Cloud: fall through to the explanation below.
        }
        throw new InvalidOperationException(
            $"No Google Cloud project to query: {howToName}, use a service-account key with project_id, " +
            "or set GOOGLE_CLOUD_PROJECT (the metadata server did not answer).");
    }
}
