using System.Net.Sockets;
using Crema.Abstractions;
using Crema.Scalers.Gcp.Storage;
using Crema.Tests.Google;
using Crema.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Crema.Tests.Scalers.Gcp.Storage;

/// <summary>What goes on the wire and how replies are read, against the loopback objects.list stand-in.</summary>
public sealed class StorageScalerTests : IAsyncLifetime
{
    private FakeObjectsList storage = null!;

    public async Task InitializeAsync() => storage = await FakeObjectsList.StartAsync();

    public async Task DisposeAsync() => await storage.DisposeAsync();

    private IScaler Scaler(string metadata) =>
        StorageTriggers.Factory.Create(StorageTriggers.Context(metadata, environment: new Dictionary<string, string>
        {
            [StorageScalerFactory.EndpointVariable] = storage.BaseAddress,
        }, time: new FakeTimeProvider()));

    [Fact]
    public async Task Read_ObjectsOverSeveralPages_CountsEveryNonEmptyObjectUpToTheLimit()
    {
        storage.PutMany("test-bucket", "job-", 2500);
        storage.Put("test-bucket", ("empty-placeholder/", 0));
        await using var scaler = Scaler("maxBucketItemsToScan=100000");

        var reading = await scaler.ReadAsync(CancellationToken.None);

        (reading.Value, reading.Target, reading.IsActive, reading.Note).ShouldBe((2500d, 100d, true, (string?)null));
        reading.Details!["api_requests"].ShouldBe(3);
        reading.Details["entries_listed"].ShouldBe(2501);
        storage.Requests.Select(r => r.Query.ContainsKey("pageToken")).ShouldBe([false, true, true]);
        storage.Requests.ShouldAllBe(r => r.Path == "/storage/v1/b/test-bucket/o" && r.Query["maxResults"] == "1000"
            && r.Query["fields"] == "nextPageToken,prefixes,items(name,size)" && r.Authorization == null);
    }

    [Fact]
    public async Task Read_MoreObjectsThanMaxBucketItemsToScan_StopsCountingThereWithANote()
    {
        storage.PutMany("test-bucket", "job-", 25);
        await using var scaler = Scaler("maxBucketItemsToScan=10|targetObjectCount=5");

        var reading = await scaler.ReadAsync(CancellationToken.None);

        reading.Value.ShouldBe(10);
        reading.Note.ShouldBe("Counting stopped at maxBucketItemsToScan (10); the bucket may hold more.");
        storage.Requests.ShouldHaveSingleItem().Query["maxResults"].ShouldBe("10");
    }

    [Fact]
    public async Task Read_ZeroSizeObjectsOnAPage_AreSkippedAndPagingGoesOn()
    {
        // KEDA counts only objects with a size; a page of empty ones does not end the count at the limit.
        storage.Put("test-bucket", ("a/", 0), ("b/", 0), ("c", 5), ("d", 6), ("e", 7));
        await using var scaler = Scaler("maxBucketItemsToScan=2");

        var reading = await scaler.ReadAsync(CancellationToken.None);

        reading.Value.ShouldBe(2);
        storage.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Read_PrefixAndDelimiter_CountsOnlyObjectsAtThatLevel()
    {
        storage.Put("test-bucket", ("in/1.json", 10), ("in/2.json", 10), ("in/archive/3.json", 10), ("in/archive/4.json", 10), ("out/5.json", 10));
        await using var scaler = Scaler("blobPrefix=in/|blobDelimiter=/|activationTargetObjectCount=2");

        var reading = await scaler.ReadAsync(CancellationToken.None);

        (reading.Value, reading.IsActive).ShouldBe((2d, false));
        reading.Details!["entries_listed"].ShouldBe(3); // in/1.json, in/2.json and the prefix in/archive/
        var query = storage.Requests.ShouldHaveSingleItem().Query;
        (query["prefix"], query["delimiter"]).ShouldBe(("in/", "/"));
    }

    [Fact]
    public async Task Read_EmptyBucket_IsZeroAndInactive()
    {
        storage.Put("test-bucket");
        await using var scaler = Scaler("");

        var reading = await scaler.ReadAsync(CancellationToken.None);

        (reading.Value, reading.Target, reading.IsActive, reading.Note).ShouldBe((0d, 100d, false, (string?)null));
    }

    [Fact]
    public async Task Read_MissingBucket_IsAClearErrorNotZero()
    {
        await using var scaler = Scaler("bucketName=no-such-bucket");

        var error = await Should.ThrowAsync<Exception>(() => scaler.ReadAsync(CancellationToken.None).AsTask());

        error.Message.ShouldStartWith("Cloud Storage has no bucket 'no-such-bucket': check bucketName (a missing bucket is an error, never 0 objects)");
        error.Message.ShouldContain("HTTP 404");
        error.Message.ShouldContain("The specified bucket does not exist.");
    }

    [Fact]
    public async Task Read_Forbidden_NamesTheRoleAndNeverTheToken()
    {
        const string token = "ya29.c.secret-access-token-value";
        storage.Put("test-bucket", ("a", 1));
        storage.Deny("test-bucket");
        storage.EchoAuthorizationInErrors = true;
        // The scaler sees the public https endpoint; the handler carries its requests to the stand-in.
        using var http = new HttpClient(new ToLoopback(new Uri(storage.BaseAddress)));
        var (metadata, _) = StorageTriggers.Bind("");
        var tokens = new FixedTokenSource(token);
        await using var scaler = new StorageScaler(metadata, StorageScalerFactory.DefaultEndpoint, http, tokens, new FakeTimeProvider());

        var error = await Should.ThrowAsync<Exception>(() => scaler.ReadAsync(CancellationToken.None).AsTask());

        storage.Requests.ShouldHaveSingleItem().Authorization.ShouldBe("Bearer " + token);
        tokens.Calls.ShouldBe(1);
        error.Message.ShouldStartWith("Cloud Storage denied listing bucket 'test-bucket' to the daemon's identity (Application Default Credentials): " +
            "grant it roles/storage.objectViewer (permission storage.objects.list) on the bucket");
        error.Message.ShouldContain("HTTP 403");
        error.Message.ShouldNotContain("secret-access-token");
        error.Message.ShouldNotContain(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(token)));
    }

    [Fact]
    public async Task Read_HttpsWithoutAnyCredentials_SaysHowToGiveThem()
    {
        using var http = new HttpClient(new ToLoopback(new Uri(storage.BaseAddress)));
        var (metadata, _) = StorageTriggers.Bind("");
        await using var scaler = new StorageScaler(metadata, StorageScalerFactory.DefaultEndpoint, http, null, new FakeTimeProvider());

        var error = await Should.ThrowAsync<InvalidOperationException>(() => scaler.ReadAsync(CancellationToken.None).AsTask());

        error.Message.ShouldStartWith("No Google credentials to list bucket 'test-bucket'");
        storage.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Read_ServerDown_FailsFastNamingTheCall()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await using var scaler = StorageTriggers.Factory.Create(StorageTriggers.Context("", environment: new Dictionary<string, string>
        {
            [StorageScalerFactory.EndpointVariable] = $"http://127.0.0.1:{port}",
        }, time: new FakeTimeProvider()));

        var started = DateTime.UtcNow;
        var error = await Should.ThrowAsync<Exception>(() => scaler.ReadAsync(CancellationToken.None).AsTask());

        (DateTime.UtcNow - started).ShouldBeLessThan(TimeSpan.FromSeconds(5));
        error.Message.ShouldStartWith("Cloud Storage objects.list of bucket 'test-bucket' failed:");
    }

    [Theory]
    [InlineData(null, "https://storage.googleapis.com/")]
    [InlineData("http://127.0.0.1:4443", "http://127.0.0.1:4443/")]
    [InlineData(" https://storage.internal.example/base/ ", "https://storage.internal.example/base/")]
    public void ResolveEndpoint_TakesTheOverrideWithATrailingSlash(string? value, string expected) =>
        StorageScalerFactory.ResolveEndpoint(_ => value).AbsoluteUri.ShouldBe(expected);

    [Fact]
    public void ResolveEndpoint_NotAnHttpUrl_IsAnError() =>
        Should.Throw<InvalidOperationException>(() => StorageScalerFactory.ResolveEndpoint(_ => "ftp://x"))
            .Message.ShouldBe("CREMA_STORAGE_ENDPOINT \"ftp://x\" is not an absolute http or https URL.");

    [Fact]
    public void PageUrl_EscapesBucketPrefixDelimiterAndToken()
    {
        var (metadata, _) = StorageTriggers.Bind("bucketName=b.x_1|blobPrefix=a b/&c|blobDelimiter=/|maxBucketItemsToScan=5000");
        using var http = new HttpClient();
        var scaler = new StorageScaler(metadata, new Uri("https://storage.googleapis.com/"), http, null, TimeProvider.System);

        scaler.PageUrl("tok+/=").ShouldBe("https://storage.googleapis.com/storage/v1/b/b.x_1/o?fields=nextPageToken%2Cprefixes%2Citems%28name%2Csize%29" +
            "&maxResults=1000&prefix=a%20b%2F%26c&delimiter=%2F&pageToken=tok%2B%2F%3D");
    }

    /// <summary>Sends every request to the stand-in, keeping path and query, as a proxy in front of it would.</summary>
    private sealed class ToLoopback(Uri target) : DelegatingHandler(new HttpClientHandler())
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.RequestUri = new UriBuilder(request.RequestUri!) { Scheme = target.Scheme, Host = target.Host, Port = target.Port }.Uri;
            return base.SendAsync(request, cancellationToken);
        }
    }
}
