using System.Collections.Concurrent;
using Crema.Google.Http;

namespace Crema.Google.CloudRun;

/// <summary>
/// One read pacer and one write pacer per project and region, created on first use: Cloud Run counts
/// its quotas per project and region, so targets in another region neither wait for nor slow these.
/// Reads that may be skipped (re-reads made only to notice another writer) also need a token of their
/// own budget, half the read quota, so they never take the reads that updates and their operations need.
/// </summary>
internal sealed class CloudRunPacing(CloudRunQuota quota, TimeProvider time, TimeSpan maxPause)
{
    private readonly ConcurrentDictionary<(string Project, string Location), Region> regions = new();

    public CloudRunQuota Quota { get; } = quota;

    /// <summary>The pacers of <paramref name="name"/>'s project and region.</summary>
    public Region For(CloudRunResourceName name) =>
        regions.GetOrAdd((name.Project, name.Location), static (_, self) => self.Create(), this);

    private Region Create()
    {
        var inFlight = new SemaphoreSlim(Quota.MaxRequestsInFlight, Quota.MaxRequestsInFlight);
        return new Region(
            new RequestPacer(new AimdTokenBucket(Quota.ReadsPerMinute, time, maxPause), inFlight),
            new RequestPacer(new AimdTokenBucket(Quota.WritesPerMinute, time, maxPause), inFlight),
            new AimdTokenBucket(Math.Max(1, Quota.ReadsPerMinute / 2), time, maxPause));
    }

    /// <summary>The pacers of one project and region; reads and writes share the places in flight.</summary>
    internal sealed record Region(RequestPacer Reads, RequestPacer Writes, AimdTokenBucket OptionalReads);
}
