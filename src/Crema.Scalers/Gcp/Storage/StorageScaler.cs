using System.Globalization;
using System.Text;
using Crema.Abstractions;
using Crema.Scalers.Http;

namespace Crema.Scalers.Gcp.Storage;

/// <summary>
/// Counts the objects in a bucket (under a prefix) with the Cloud Storage JSON API <c>objects.list</c>, page by
/// page, as KEDA's client iterates them: zero-byte entries are skipped, and counting stops at maxBucketItemsToScan.
/// </summary>
internal sealed class StorageScaler : IScaler
{
    /// <summary>The OAuth scope for listing objects.</summary>
    public const string ReadScope = "https://www.googleapis.com/auth/devstorage.read_only";

    /// <summary>The JSON API's largest page.</summary>
    public const int MaxPageSize = 1000;

    // A server that always returns a page token must not keep a poll going forever: a million entries of
    // zero-byte objects and prefixes is far beyond any bucket this scaler is meant for.
    private const int MaxPages = 1000;
    private static readonly string[] Scopes = [ReadScope];

    private readonly StorageMetadata metadata;
    private readonly Uri endpoint;
    private readonly HttpSource source;

    public StorageScaler(StorageMetadata metadata, Uri endpoint, HttpClient client, IAccessTokenSource? tokens, TimeProvider timeProvider)
    {
        this.metadata = metadata;
        this.endpoint = endpoint;
        source = new HttpSource(client, new HttpSourceOptions
        {
            Operation = $"Cloud Storage objects.list of bucket '{metadata.BucketName}'",
            Timeout = StorageMetadata.RequestTimeout,
            // 1000 entries with names of up to 1 KiB each, JSON-escaped, fit well inside.
            MaxResponseBytes = 8 * 1024 * 1024,
            // A plain-http endpoint (a local stand-in) never gets a token, so it cannot travel unencrypted.
            BearerTokenSource = endpoint.Scheme == Uri.UriSchemeHttp ? null : token => TokenAsync(tokens, metadata, token),
        }, timeProvider);
    }

    /// <inheritdoc />
    public async ValueTask<MetricReading> ReadAsync(CancellationToken cancellationToken)
    {
        long counted = 0;
        long entries = 0;
        var requests = 0;
        string? pageToken = null;
        while (true)
        {
            requests++;
            var page = StorageObjectsPage.Parse(await GetPageAsync(pageToken, cancellationToken).ConfigureAwait(false));
            entries += page.Sizes.Count + page.Prefixes;
            foreach (var size in page.Sizes)
            {
                // A folder placeholder (and any empty object) has size 0: KEDA skips it, so only real objects count.
                if (size > 0 && ++counted >= metadata.MaxBucketItemsToScan)
                {
                    break;
                }
            }
            if (counted >= metadata.MaxBucketItemsToScan || page.NextPageToken is null)
            {
                break;
            }
            if (requests >= MaxPages || page.NextPageToken == pageToken)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"Cloud Storage objects.list of bucket '{metadata.BucketName}' did not end after {requests} pages ({entries} entries, {counted} objects counted); narrow blobPrefix or lower maxBucketItemsToScan."));
            }
            pageToken = page.NextPageToken;
        }
        return metadata.ToReading(counted) with
        {
            Note = counted >= metadata.MaxBucketItemsToScan
                ? string.Create(CultureInfo.InvariantCulture, $"Counting stopped at maxBucketItemsToScan ({metadata.MaxBucketItemsToScan}); the bucket may hold more.")
                : null,
            Details = new Dictionary<string, double> { ["api_requests"] = requests, ["entries_listed"] = entries },
        };
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask; // the HttpClient is shared and owned by the host

    /// <summary>The URL of one page (exposed for tests).</summary>
    internal string PageUrl(string? pageToken)
    {
        var url = new StringBuilder(endpoint.AbsoluteUri)
            .Append("storage/v1/b/").Append(Uri.EscapeDataString(metadata.BucketName)).Append("/o")
            .Append("?fields=").Append(Uri.EscapeDataString("nextPageToken,prefixes,items(name,size)"))
            .Append("&maxResults=").Append(Math.Min(MaxPageSize, metadata.MaxBucketItemsToScan).ToString(CultureInfo.InvariantCulture));
        if (metadata.BlobPrefix.Length > 0)
        {
            url.Append("&prefix=").Append(Uri.EscapeDataString(metadata.BlobPrefix));
        }
        if (metadata.BlobDelimiter.Length > 0)
        {
            url.Append("&delimiter=").Append(Uri.EscapeDataString(metadata.BlobDelimiter));
        }
        if (pageToken is not null)
        {
            url.Append("&pageToken=").Append(Uri.EscapeDataString(pageToken));
        }
        return url.ToString();
    }

    private async Task<byte[]> GetPageAsync(string? pageToken, CancellationToken cancellationToken)
    {
        try
        {
            return (await source.GetAsync(PageUrl(pageToken), cancellationToken).ConfigureAwait(false)).Body;
        }
        catch (HttpSourceException e) when (StorageErrors.Hint(e.StatusCode, metadata) is { } hint)
        {
            throw new HttpSourceException($"{hint} ({e.Message})", e) { StatusCode = e.StatusCode };
        }
    }

    private static async ValueTask<string> TokenAsync(IAccessTokenSource? tokens, StorageMetadata metadata, CancellationToken cancellationToken)
    {
        if (tokens is null)
        {
            throw new InvalidOperationException(
                $"No Google credentials to list bucket '{metadata.BucketName}': give the trigger GoogleApplicationCredentials " +
                "(authenticationRef), credentialsFromEnv or credentialsFromEnvFile, or run the daemon with Application Default Credentials.");
        }
        return await tokens.GetAccessTokenAsync(Scopes, cancellationToken).ConfigureAwait(false);
    }
}
