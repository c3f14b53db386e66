using Crema.Google.Storage;
using Crema.Host.Leadership;
using Crema.Tests.Google;

namespace Crema.Tests.Leadership;

/// <summary>The Cloud Storage client and the gs:// lease store against the JSON API stand-in.</summary>
public sealed class CloudStorageLeaseStoreTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 12, 0, 0, 123, TimeSpan.Zero);

    [Fact]
    public async Task Create_NoObject_UploadsWithGenerationZeroAndReadsBack()
    {
        await using var gcs = await FakeCloudStorage.StartAsync("acme-crema");
        var store = Store(gcs, "leases/crema");
        var record = new LeaseRecord("rev-1/inst-a", 15, At, At, 0);

        var created = await store.CreateAsync(record, CancellationToken.None);
        var read = await Store(gcs, "leases/crema").ReadAsync(CancellationToken.None);

        created.Outcome.ShouldBe(LeaseStoreOutcome.Ok);
        gcs.Requests[0].ShouldBe("POST /upload/storage/v1/b/acme-crema/o?uploadType=media&name=leases%2Fcrema&ifGenerationMatch=0");
        created.Lease!.Version.ShouldBe(gcs.Object("acme-crema", "leases/crema")!.Value.Generation.ToString(System.Globalization.CultureInfo.InvariantCulture));
        read.Outcome.ShouldBe(LeaseStoreOutcome.Ok);
        read.Lease.ShouldBe(created.Lease);
        gcs.Requests.ShouldContain(r => r.StartsWith("GET /storage/v1/b/acme-crema/o/leases%2Fcrema?alt=media&generation=", StringComparison.Ordinal));
        gcs.Object("acme-crema", "leases/crema")!.Value.Data.ShouldBe(
            """{"holderIdentity":"rev-1/inst-a","leaseDurationSeconds":15,"acquireTime":"2026-03-01T12:00:00.123000Z","renewTime":"2026-03-01T12:00:00.123000Z","leaseTransitions":0}""");
        gcs.AuthorizationHeaders.ShouldBe(0);
    }

    [Fact]
    public async Task Create_ObjectExists_Conflict()
    {
        await using var gcs = await FakeCloudStorage.StartAsync("b");
        gcs.Put("b", "lease", "{}");

        var result = await Store(gcs, "lease").CreateAsync(new LeaseRecord("x", 15, At, At, 0), CancellationToken.None);

        result.Outcome.ShouldBe(LeaseStoreOutcome.Conflict);
        result.Error.ShouldBe("writing gs://b/lease: HTTP 412 At least one of the pre-conditions you specified did not hold.");
    }

    [Fact]
    public async Task Update_AtTheReadGeneration_Succeeds_AndAStaleGenerationLoses()
    {
        await using var gcs = await FakeCloudStorage.StartAsync("b");
        var a = Store(gcs, "lease");
        var b = Store(gcs, "lease");
        var first = await a.CreateAsync(new LeaseRecord("a", 15, At, At, 0), CancellationToken.None);
        var seen = await b.ReadAsync(CancellationToken.None);

        var renewed = await a.UpdateAsync(new LeaseRecord("a", 15, At, At.AddSeconds(5), 0), first.Lease!.Version, CancellationToken.None);
        var takeover = await b.UpdateAsync(new LeaseRecord("b", 15, At, At, 1), seen.Lease!.Version, CancellationToken.None);

        renewed.Outcome.ShouldBe(LeaseStoreOutcome.Ok);
        long.Parse(renewed.Lease!.Version, System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBeGreaterThan(long.Parse(first.Lease.Version, System.Globalization.CultureInfo.InvariantCulture));
        takeover.Outcome.ShouldBe(LeaseStoreOutcome.Conflict);
        gcs.Object("b", "lease")!.Value.Data.ShouldContain("\"holderIdentity\":\"a\"");
        (await b.ReadAsync(CancellationToken.None)).Lease!.Record.RenewTime.ShouldBe(At.AddSeconds(5));
    }

    [Fact]
    public async Task Read_SameGenerationTwice_DownloadsTheDataOnce()
    {
        await using var gcs = await FakeCloudStorage.StartAsync("b");
        var store = Store(gcs, "lease");
        await Store(gcs, "lease").CreateAsync(new LeaseRecord("a", 15, At, At, 0), CancellationToken.None);

        await store.ReadAsync(CancellationToken.None);
        await store.ReadAsync(CancellationToken.None);

        gcs.Requests.Count(r => r.Contains("alt=media", StringComparison.Ordinal)).ShouldBe(1);
        gcs.Requests.Count(r => r.StartsWith("GET", StringComparison.Ordinal)).ShouldBe(3);
    }

    [Fact]
    public async Task Read_NoObject_NotFound_AndNoBucket_Failed()
    {
        await using var gcs = await FakeCloudStorage.StartAsync("b");

        var read = await Store(gcs, "lease").ReadAsync(CancellationToken.None);
        var create = await new CloudStorageLeaseStore(Client(gcs), "missing", "lease").CreateAsync(new LeaseRecord("a", 15, At, At, 0), CancellationToken.None);

        read.Outcome.ShouldBe(LeaseStoreOutcome.NotFound);
        read.Error.ShouldBe("reading gs://b/lease: HTTP 404 No such object: b/lease");
        create.Outcome.ShouldBe(LeaseStoreOutcome.Failed);
        create.Error.ShouldBe("writing gs://missing/lease: HTTP 404 The specified bucket does not exist.");
    }

    [Fact]
    public async Task Read_ServerError_FailedWithoutRetrying()
    {
        await using var gcs = await FakeCloudStorage.StartAsync("b");
        gcs.FailNext = 1;

        var read = await Store(gcs, "lease").ReadAsync(CancellationToken.None);

        read.Outcome.ShouldBe(LeaseStoreOutcome.Failed);
        read.Error.ShouldBe("reading gs://b/lease: HTTP 503 Backend Error");
        gcs.Requests.Count.ShouldBe(1, "the lease retries on its own schedule, inside its renew deadline");
    }

    [Fact]
    public async Task Client_HttpsEndpoint_SendsTheBearerToken()
    {
        using var handler = new StubGoogleHandler(System.Net.HttpStatusCode.OK, """{"kind":"storage#object","name":"lease","bucket":"b","generation":"1712","metageneration":"3"}""");
        using var http = new HttpClient(handler);
        var client = new CloudStorageClient(http, new Uri("https://storage.googleapis.com/"), new FixedTokenSource("tok"), TimeProvider.System);

        var result = await client.GetMetadataAsync("b", "lease", CancellationToken.None);

        result.Value.ShouldBe(new StorageObject("b", "lease", 1712, 3, null));
        handler.Last.Headers.Authorization!.ToString().ShouldBe("Bearer tok");
        handler.Last.RequestUri!.AbsoluteUri.ShouldBe("https://storage.googleapis.com/storage/v1/b/b/o/lease");
    }

    private static CloudStorageClient Client(FakeCloudStorage gcs) =>
        new(new HttpClient(), new Uri(gcs.BaseAddress), null, TimeProvider.System);

    private static CloudStorageLeaseStore Store(FakeCloudStorage gcs, string name) => new(Client(gcs), name == "lease" ? "b" : "acme-crema", name);
}
