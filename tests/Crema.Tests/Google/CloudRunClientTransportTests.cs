using System.Net;
using Crema.Google.CloudRun;
using Crema.Google.Http;
using Crema.Tests.Emulator;
using Crema.Tests.Support;

namespace Crema.Tests.Google;

public sealed class CloudRunClientTransportTests : ICloudRunCallObserver
{
    private const string Pool = "projects/demo/locations/us-central1/workerPools/pool-a";
    private readonly List<(string Method, int Status)> calls = [];

    void ICloudRunCallObserver.OnCall(string method, string target, int status)
    {
        lock (calls)
        {
            calls.Add((method, status));
        }
    }

    [Fact]
    public async Task SetInstanceCountAsync_NothingListening_RetriesThenFailsAsUnavailable()
    {
        var clock = new TimerSignallingTimeProvider();
        using var http = new HttpClient();
        var client = new CloudRunClient(
            http, new Uri($"http://127.0.0.1:{FreeTcpPort.Next()}/"), tokens: null, clock,
            new CloudRunClientOptions { Retry = new GoogleApiRetryOptions { AttemptTimeout = null } }, this);

        var result = await clock.RunAsync(client.SetInstanceCountAsync(Pool, 2, etag: null, CancellationToken.None));

        result.Outcome.ShouldBe(ScaleOutcome.Failed);
        result.HttpStatus.ShouldBe(0);
        result.GoogleStatus.ShouldBe("UNAVAILABLE");
        result.Message!.ShouldContain(Pool);
        calls.ShouldBe([.. Enumerable.Repeat(("patch", 0), 5)]);
    }

    [Fact]
    public async Task GetAsync_PlainHttpEndpoint_NeverAsksForAToken()
    {
        await using var h = await CloudRunHarness.StartAsync();
        var tokens = new FixedTokenSource("must-not-leak");
        var client = new CloudRunClient(h.Http, h.Emulator.BaseAddress, tokens, h.Clock);

        var target = await client.GetAsync(Pool, CancellationToken.None);

        target.InstanceCount.ShouldBe(1);
        tokens.Calls.ShouldBe(0);
    }

    [Fact]
    public async Task GetAsync_MalformedName_ThrowsArgumentExceptionShowingTheForm()
    {
        var client = new CloudRunClient(new HttpClient(), new Uri("https://run.googleapis.com/"), null, TimeProvider.System);

        var error = await Should.ThrowAsync<ArgumentException>(() => client.GetAsync("my-pool", CancellationToken.None));

        error.Message.ShouldContain("projects/PROJECT/locations/REGION/workerPools/NAME");
    }
}
