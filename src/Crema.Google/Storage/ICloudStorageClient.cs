namespace Crema.Google.Storage;

/// <summary>
/// The Cloud Storage JSON API object calls Crema needs for a lease: read an object's metadata, read one
/// generation of its data, and write its data only if its generation still matches. Never throws for
/// HTTP or transport failures (they are results); throws <see cref="OperationCanceledException"/> when
/// the caller cancels.
/// </summary>
internal interface ICloudStorageClient
{
    /// <summary><c>GET storage/v1/b/BUCKET/o/OBJECT</c>: the object resource.</summary>
    Task<StorageResult<StorageObject>> GetMetadataAsync(string bucket, string name, CancellationToken cancellationToken);

    /// <summary><c>GET storage/v1/b/BUCKET/o/OBJECT?alt=media&amp;generation=N</c>: that generation's data as text.</summary>
    Task<StorageResult<string>> DownloadAsync(string bucket, string name, long generation, CancellationToken cancellationToken);

    /// <summary>
    /// <c>POST upload/storage/v1/b/BUCKET/o?uploadType=media&amp;ifGenerationMatch=G</c> with a JSON body:
    /// G = 0 creates the object only if it does not exist; G = a generation replaces exactly that one.
    /// A mismatch is <see cref="StorageOutcome.PreconditionFailed"/>.
    /// </summary>
    Task<StorageResult<StorageObject>> UploadJsonAsync(string bucket, string name, string json, long ifGenerationMatch, CancellationToken cancellationToken);
}
