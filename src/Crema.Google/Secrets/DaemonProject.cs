namespace Crema.Google.Secrets;

/// <summary>
/// The Google Cloud project Crema itself runs in, where a bare Secret Manager id is looked up (as CREMA does: it
/// reads the project from the Cloud Run metadata server). GOOGLE_CLOUD_PROJECT, CLOUDSDK_CORE_PROJECT or
/// GCLOUD_PROJECT win; otherwise the metadata server (GCE_METADATA_HOST, default metadata.google.internal) is asked
/// once and its answer kept for the process.
/// </summary>
internal sealed class DaemonProject(HttpClient http, Func<string, string?> environment)
{
    private static readonly string[] Variables = ["GOOGLE_CLOUD_PROJECT", "CLOUDSDK_CORE_PROJECT", "GCLOUD_PROJECT"];
    private static readonly TimeSpan MetadataTimeout = TimeSpan.FromSeconds(3);
    private readonly SemaphoreSlim gate = new(1, 1);
    private string? answer;

    /// <summary>The project id; throws <see cref="InvalidOperationException"/> saying how to name one when none is found.</summary>
    public async Task<string> ResolveAsync(CancellationToken ct)
    {
        if (Variables.Select(environment).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)) is { } fromEnvironment)
        {
            return fromEnvironment.Trim();
        }
        if (Volatile.Read(ref answer) is { } known)
        {
            return known;
        }
        await gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            return answer ??= await AskMetadataServerAsync(ct).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<string> AskMetadataServerAsync(CancellationToken ct)
    {
        var host = environment("GCE_METADATA_HOST") is { Length: > 0 } h ? h : "metadata.google.internal";
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(MetadataTimeout);
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"http://{host}/computeMetadata/v1/project/project-id"));
            request.Headers.Add("Metadata-Flavor", "Google");
            using var response = await http.SendAsync(request, timeout.Token).ConfigureAwait(false);
            var text = (await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false)).Trim();
            if (response.IsSuccessStatusCode && text.Length > 0)
            {
                return text;
            }
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            // Not on Google Cloud: explained below.
        }
        throw new InvalidOperationException(
            "a bare Secret Manager id is read from Crema's own project (as CREMA does), which is unknown here: " +
            "set GOOGLE_CLOUD_PROJECT, or write the id as projects/PROJECT/secrets/ID (the metadata server did not answer)");
    }
}
