using System.Globalization;
using Crema.Google.Storage;

namespace Crema.Host.Leadership;

/// <summary>
/// The lease as a Cloud Storage object whose data is the record (<see cref="LeaseRecordJson"/>). The version is
/// the object's generation: a create is an upload with <c>ifGenerationMatch=0</c>, a renewal or takeover an
/// upload with <c>ifGenerationMatch=</c> the generation read, and Cloud Storage answers 412 to the loser. A read
/// fetches the metadata, and the data only when the generation changed.
/// </summary>
internal sealed class CloudStorageLeaseStore(ICloudStorageClient storage, string bucket, string name) : ILeaseStore
{
    private LeaseSnapshot? last;

    public string Description => $"gs://{bucket}/{name}";

    public async Task<LeaseStoreResult> ReadAsync(CancellationToken cancellationToken)
    {
        var metadata = await storage.GetMetadataAsync(bucket, name, cancellationToken).ConfigureAwait(false);
        if (metadata.Value is not { } resource)
        {
            return LeaseStoreResult.Fail(metadata.Outcome == StorageOutcome.NotFound ? LeaseStoreOutcome.NotFound : LeaseStoreOutcome.Failed, metadata.Error!);
        }
        var version = Version(resource);
        if (last is { } known && known.Version == version)
        {
            return LeaseStoreResult.Ok(known);
        }
        var data = await storage.DownloadAsync(bucket, name, resource.Generation, cancellationToken).ConfigureAwait(false);
        if (data.Value is not { } text)
        {
            // NotFound here means that generation was replaced between the two reads: read again next time.
            return LeaseStoreResult.Fail(LeaseStoreOutcome.Failed, data.Error!);
        }
        last = new LeaseSnapshot(LeaseRecordJson.Read(text), version);
        return LeaseStoreResult.Ok(last);
    }

    public Task<LeaseStoreResult> CreateAsync(LeaseRecord record, CancellationToken cancellationToken) =>
        WriteAsync(record, 0, cancellationToken);

    public Task<LeaseStoreResult> UpdateAsync(LeaseRecord record, string version, CancellationToken cancellationToken) =>
        long.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var generation) && generation > 0
            ? WriteAsync(record, generation, cancellationToken)
            : Task.FromResult(LeaseStoreResult.Fail(LeaseStoreOutcome.Failed, $"\"{version}\" is not a Cloud Storage generation"));

    private async Task<LeaseStoreResult> WriteAsync(LeaseRecord record, long ifGenerationMatch, CancellationToken cancellationToken)
    {
        var written = await storage.UploadJsonAsync(bucket, name, LeaseRecordJson.Write(record), ifGenerationMatch, cancellationToken).ConfigureAwait(false);
        if (written.Value is { } resource)
        {
            last = new LeaseSnapshot(record, Version(resource));
            return LeaseStoreResult.Ok(last);
        }
        var outcome = written.Outcome switch
        {
            StorageOutcome.PreconditionFailed => LeaseStoreOutcome.Conflict,
            // An upload answers 404 only when the bucket does not exist: not a state the lease can repair.
            _ => LeaseStoreOutcome.Failed,
        };
        return LeaseStoreResult.Fail(outcome, written.Error!);
    }

    private static string Version(StorageObject resource) => resource.Generation.ToString(CultureInfo.InvariantCulture);
}
