using System.Globalization;
using Crema.Abstractions;
using Crema.Google.Http;

namespace Crema.Google.Storage;

/// <summary>
/// Cloud Storage JSON API v1 object calls over HttpClient (see <see cref="ICloudStorageClient"/>). Each call is
/// sent once: the caller (the lease) retries on its own schedule, which must stay inside its renew deadline,
/// and bounds each call with its token.
/// </summary>
internal sealed class CloudStorageClient : ICloudStorageClient
{
    private static readonly GoogleApiRetryOptions SendOnce = new() { MaxRetryAttempts = 0, AttemptTimeout = null };
    private readonly GoogleApiHttp api;
    private readonly Uri baseAddress;

    public CloudStorageClient(HttpClient http, Uri baseAddress, IAccessTokenSource? tokens, TimeProvider time, Action<string, int>? onCall = null)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        this.baseAddress = baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");
        api = new GoogleApiHttp(http, tokens, [GoogleScopes.CloudPlatform], time, SendOnce, onCall);
    }

    public async Task<StorageResult<StorageObject>> GetMetadataAsync(string bucket, string name, CancellationToken cancellationToken)
    {
        var response = await api.SendAsync(HttpMethod.Get, ObjectUrl(bucket, name, string.Empty), "objects.get", null, cancellationToken).ConfigureAwait(false);
        return ObjectResult(response, "reading", bucket, name);
    }

    public async Task<StorageResult<string>> DownloadAsync(string bucket, string name, long generation, CancellationToken cancellationToken)
    {
        var query = "?alt=media&generation=" + generation.ToString(CultureInfo.InvariantCulture);
        var response = await api.SendAsync(HttpMethod.Get, ObjectUrl(bucket, name, query), "objects.get_media", null, cancellationToken).ConfigureAwait(false);
        return response.IsSuccess
            ? StorageResult<string>.Ok(response.Body)
            : StorageResult<string>.Fail(OutcomeOf(response), Describe("reading", bucket, name, response));
    }

    public async Task<StorageResult<StorageObject>> UploadJsonAsync(string bucket, string name, string json, long ifGenerationMatch, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ifGenerationMatch);
        var url = new Uri(baseAddress, $"upload/storage/v1/b/{Uri.EscapeDataString(bucket)}/o?uploadType=media&name={Uri.EscapeDataString(name)}"
            + "&ifGenerationMatch=" + ifGenerationMatch.ToString(CultureInfo.InvariantCulture));
        var response = await api.SendAsync(HttpMethod.Post, url, "objects.insert", json, cancellationToken).ConfigureAwait(false);
        return ObjectResult(response, "writing", bucket, name);
    }

    private static StorageResult<StorageObject> ObjectResult(GoogleApiResponse response, string action, string bucket, string name)
    {
        if (!response.IsSuccess)
        {
            return StorageResult<StorageObject>.Fail(OutcomeOf(response), Describe(action, bucket, name, response));
        }

        return StorageObjectJson.Read(response.Body) is { } resource
            ? StorageResult<StorageObject>.Ok(resource)
            : StorageResult<StorageObject>.Fail(StorageOutcome.Failed, $"{action} gs://{bucket}/{name}: the reply is not a Cloud Storage object resource");
    }

    private static StorageOutcome OutcomeOf(GoogleApiResponse response) => response.StatusCode switch
    {
        404 => StorageOutcome.NotFound,
        412 => StorageOutcome.PreconditionFailed,
        _ => StorageOutcome.Failed,
    };

    private static string Describe(string action, string bucket, string name, GoogleApiResponse response)
    {
        var error = response.Error?.ToString() ?? $"HTTP {response.StatusCode}";
        return response.StatusCode == 0 ? $"{action} gs://{bucket}/{name}: {error}" : $"{action} gs://{bucket}/{name}: HTTP {response.StatusCode} {error}";
    }

    // The object name is one path segment: "leases/crema" is sent as leases%2Fcrema, as the JSON API requires.
    private Uri ObjectUrl(string bucket, string name, string query) =>
        new(baseAddress, $"storage/v1/b/{Uri.EscapeDataString(bucket)}/o/{Uri.EscapeDataString(name)}{query}");
}
