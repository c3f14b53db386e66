using System.Net;
using Crema.Google.Http;

namespace Crema.Tests.Google;

/// <summary>A paced call waits for its first admission before its retry pipeline starts, and never keeps a place in flight it did not use.</summary>
public sealed class GoogleApiHttpPacingTests
{
    private static readonly Uri Target = new("https://run.googleapis.com/v2/projects/p/locations/l/workerPools/w");

    [Fact]
    public async Task SendAsync_CancelledWhileQueuedForAToken_ThrowsSendsNothingAndKeepsNoPlace()
    {
        var clock = new FakeTimeProvider();
        var bucket = new AimdTokenBucket(60, clock, TimeSpan.FromSeconds(30));
        while (bucket.TryTake())
        {
        }
        using var inFlight = new SemaphoreSlim(1, 1);
        var handler = new StubGoogleHandler(HttpStatusCode.OK, "{}");
        using var client = new HttpClient(handler);
        var http = new GoogleApiHttp(client, null, [], clock);
        using var caller = new CancellationTokenSource();

        var queued = http.SendAsync(HttpMethod.Get, Target, "get", null, null, caller.Token, new RequestPacer(bucket, inFlight));
        queued.IsCompleted.ShouldBeFalse("no token yet");
        await caller.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => queued);
        handler.Requests.ShouldBeEmpty();
        inFlight.CurrentCount.ShouldBe(1);
    }

    [Fact]
    public async Task SendAsync_AdmittedAfterWaiting_SendsOnceAndGivesItsPlaceBack()
    {
        var clock = new FakeTimeProvider();
        var bucket = new AimdTokenBucket(60, clock, TimeSpan.FromSeconds(30));
        while (bucket.TryTake())
        {
        }
        using var inFlight = new SemaphoreSlim(1, 1);
        var handler = new StubGoogleHandler(HttpStatusCode.OK, """{"name": "w"}""");
        using var client = new HttpClient(handler);
        var http = new GoogleApiHttp(client, null, [], clock);

        var queued = http.SendAsync(HttpMethod.Get, Target, "get", null, null, CancellationToken.None, new RequestPacer(bucket, inFlight));
        clock.Advance(TimeSpan.FromSeconds(1.2));
        var reply = await queued.WaitAsync(TimeSpan.FromSeconds(10));

        reply.StatusCode.ShouldBe(200);
        handler.Requests.Count.ShouldBe(1);
        inFlight.CurrentCount.ShouldBe(1);
        bucket.TryTake().ShouldBeFalse("the call took the one refilled token, and only one");
    }
}
