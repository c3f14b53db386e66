namespace Crema.Scalers.Gcp.Storage;

/// <summary>What to fix for the statuses objects.list answers with when the trigger, not the server, is wrong.</summary>
internal static class StorageErrors
{
    /// <summary>A sentence saying what to change for <paramref name="status"/>, or null when the server's words suffice.</summary>
    public static string? Hint(int? status, StorageMetadata metadata) => status switch
    {
        // KEDA reads a missing bucket as 0 objects (inactive); a misspelt bucketName would then scale to zero.
        404 => $"Cloud Storage has no bucket '{metadata.BucketName}': check bucketName (a missing bucket is an error, never 0 objects)",
        403 => $"Cloud Storage denied listing bucket '{metadata.BucketName}' to {metadata.Credentials.Identity}: grant it " +
            "roles/storage.objectViewer (permission storage.objects.list) on the bucket",
        401 => $"Cloud Storage rejected the credentials of {metadata.Credentials.Identity}: check the service-account key, " +
            "or the daemon's Application Default Credentials",
        429 => $"Cloud Storage rate-limited listing bucket '{metadata.BucketName}': lengthen pollingInterval",
        _ => null,
    };
}
