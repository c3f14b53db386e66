using System.Globalization;
using System.Security.Cryptography;

namespace Crema.Host.Leadership;

/// <summary>
/// This daemon's name in the lease, stable for the life of its instance and different from every other
/// daemon's: <c>--lease-identity</c> (or CREMA_LEASE_IDENTITY) when given; on Kubernetes the pod name
/// (POD_NAME from the downward API, else HOSTNAME); on Cloud Run the revision and the instance id from the
/// metadata server (K_REVISION/ID, as Cloud Logging labels them); otherwise host name, process id and a
/// random suffix.
/// </summary>
internal static class HolderIdentity
{
    private static readonly TimeSpan MetadataTimeout = TimeSpan.FromSeconds(3);

    public static async Task<string> ResolveAsync(string? configured, Func<string, string?> environment, HttpClient http, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured.Trim();
        }
        if (environment("POD_NAME") is { Length: > 0 } pod)
        {
            return pod;
        }
        if (environment("KUBERNETES_SERVICE_HOST") is { Length: > 0 } && environment("HOSTNAME") is { Length: > 0 } host)
        {
            return host;
        }
        if (environment("K_REVISION") is { Length: > 0 } revision && await InstanceIdAsync(environment, http, ct).ConfigureAwait(false) is { } instance)
        {
            return $"{revision}/{instance}";
        }
        return Fallback();
    }

    /// <summary>Host name, process id and 6 random hex digits: two processes on one host never share it.</summary>
    public static string Fallback() =>
        string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}-{Environment.ProcessId}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}");

    /// <summary>The instance id from the metadata server (GCE_METADATA_HOST, else metadata.google.internal); null when it does not answer within 3 s.</summary>
    internal static async Task<string?> InstanceIdAsync(Func<string, string?> environment, HttpClient http, CancellationToken ct)
    {
        var host = environment("GCE_METADATA_HOST") is { Length: > 0 } h ? h : "metadata.google.internal";
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(MetadataTimeout);
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"http://{host}/computeMetadata/v1/instance/id"));
            request.Headers.Add("Metadata-Flavor", "Google");
            using var response = await http.SendAsync(request, timeout.Token).ConfigureAwait(false);
            var text = (await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false)).Trim();
            return response.IsSuccessStatusCode && text.Length is > 0 and <= 256 && !text.Any(char.IsControl) ? text : null;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            // The metadata server did not answer: the fallback identity is just as unique.
            return null;
        }
    }
}
