using Crema.Abstractions;
using Crema.Scalers.Gcp.Monitoring;

namespace Crema.Scalers.Gcp.Storage;

/// <summary>
/// The <c>gcp-storage</c> trigger: the number of objects in a Cloud Storage bucket (under blobPrefix), counted
/// with the JSON API up to maxBucketItemsToScan, target 100 objects per replica by default.
/// </summary>
internal sealed class StorageScalerFactory : ScalerFactory<StorageMetadata>
{
    /// <summary>Environment variable that points the scaler at another Cloud Storage endpoint (base URL), as for the daemon's lease.</summary>
    public const string EndpointVariable = "CREMA_STORAGE_ENDPOINT";

    /// <summary>The public endpoint.</summary>
    public static readonly Uri DefaultEndpoint = new("https://storage.googleapis.com/");

    /// <inheritdoc />
    public override string Type => "gcp-storage";

    /// <inheritdoc />
    public override string Description => "the number of objects in a Cloud Storage bucket";

    /// <inheritdoc />
    protected override StorageMetadata Bind(MetadataBinder binder)
    {
        var bucket = binder.RequiredString(StorageKeys.BucketName).Trim();
        var target = binder.Long(StorageKeys.TargetObjectCount, 100);
        var activation = binder.Long(StorageKeys.ActivationTargetObjectCount);
        var max = binder.Long(StorageKeys.MaxBucketItemsToScan, 1000);
        var prefix = binder.String(StorageKeys.BlobPrefix) ?? string.Empty;
        var delimiter = binder.String(StorageKeys.BlobDelimiter) ?? string.Empty;
        binder.Check(bucket.Length == 0 || !bucket.Contains('/', StringComparison.Ordinal), StorageKeys.BucketName,
            $"\"{bucket}\" is not a bucket name (no gs:// and no path: put a path in blobPrefix)");
        var credentials = GcpCredentialBinder.Bind(binder);
        return new StorageMetadata(bucket, target, activation, max, prefix, delimiter, credentials);
    }

    /// <inheritdoc />
    protected override MetricReading ToReading(StorageMetadata metadata, double value) => metadata.ToReading(value);

    /// <inheritdoc />
    protected override IScaler Create(StorageMetadata metadata, ScalerContext context)
    {
        var endpoint = ResolveEndpoint(context.Environment);
        IAccessTokenSource? tokens = endpoint.Scheme == Uri.UriSchemeHttp ? null
            : metadata.Credentials.UsesDaemonIdentity ? context.Services.GoogleTokens
            : MonitoringClientPool.LoadKey(metadata.Credentials);
        return new StorageScaler(metadata, endpoint, context.Services.GetHttpClient(HttpClientSettings.Default), tokens, context.TimeProvider);
    }

    /// <summary>CREMA_STORAGE_ENDPOINT when set (an absolute http or https URL), else the public endpoint; always ending in a slash.</summary>
    public static Uri ResolveEndpoint(Func<string, string?> environment)
    {
        var text = environment(EndpointVariable)?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return DefaultEndpoint;
        }
        if (!Uri.TryCreate(text.EndsWith('/') ? text : text + "/", UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new InvalidOperationException($"{EndpointVariable} \"{text}\" is not an absolute http or https URL.");
        }
        return uri;
    }
}
