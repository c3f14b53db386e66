using Crema.Google.CloudRun;

namespace Crema.Tests.Emulator;

public sealed class CloudRunClientOperationTests
{
    private const string Pool = CloudRunHarness.Pool;
    private const string OtherPool = CloudRunHarness.OtherPool;

    [Fact]
    public async Task SetInstanceCountAsync_OperationTakes30Seconds_CompletesOnlyAfterTheClockPassesIt()
    {
        await using var h = await CloudRunHarness.StartAsync(TimeSpan.FromSeconds(30));
        var start = h.Clock.GetUtcNow();

        var scaling = h.Client.SetInstanceCountAsync(Pool, 6, etag: null, CancellationToken.None);
        await WaitForPollTimerAsync(h, scaling);
        var midway = await h.Client.GetAsync(Pool, CancellationToken.None);
        var result = await h.Clock.RunAsync(scaling);

        midway.InstanceCount.ShouldBe(1);
        midway.Reconciling.ShouldBeTrue();
        midway.Generation.ShouldBe(2);
        midway.ObservedGeneration.ShouldBe(1);
        midway.TerminalCondition!.State.ShouldBe("CONDITION_RECONCILING");
        result.Outcome.ShouldBe(ScaleOutcome.Applied);
        (h.Clock.GetUtcNow() - start).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(30));
        (h.Clock.GetUtcNow() - start).ShouldBeLessThanOrEqualTo(TimeSpan.FromSeconds(35));
        var after = await h.Client.GetAsync(Pool, CancellationToken.None);
        after.InstanceCount.ShouldBe(6);
        after.Reconciling.ShouldBeFalse();
        after.ObservedGeneration.ShouldBe(2);
        after.UpdateTime.ShouldBe(start + TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task SetInstanceCountAsync_OneTargetHas60SecondOperation_OtherTargetCompletesMeanwhile()
    {
        await using var h = await CloudRunHarness.StartAsync();
        await h.PostAsync("emulator/faults", $$"""{"target":"{{Pool}}","operationDelaySeconds":60}""");

        var slow = h.Client.SetInstanceCountAsync(Pool, 8, etag: null, CancellationToken.None);
        await WaitForPollTimerAsync(h, slow);
        var fast = await h.Client.SetInstanceCountAsync(OtherPool, 3, etag: null, CancellationToken.None);

        fast.Outcome.ShouldBe(ScaleOutcome.Applied);
        slow.IsCompleted.ShouldBeFalse();
        (await h.Client.GetAsync(OtherPool, CancellationToken.None)).InstanceCount.ShouldBe(3);
        (await h.Client.GetAsync(Pool, CancellationToken.None)).InstanceCount.ShouldBe(1);

        var slowResult = await h.Clock.RunAsync(slow);

        slowResult.Outcome.ShouldBe(ScaleOutcome.Applied);
        (await h.Client.GetAsync(Pool, CancellationToken.None)).InstanceCount.ShouldBe(8);
    }

    [Fact]
    public async Task SetInstanceCountAsync_CancelledWhilePolling_ReturnsCancelled()
    {
        await using var h = await CloudRunHarness.StartAsync(TimeSpan.FromMinutes(5));
        using var cts = new CancellationTokenSource();

        var scaling = h.Client.SetInstanceCountAsync(Pool, 2, etag: null, cts.Token);
        await WaitForPollTimerAsync(h, scaling);
        await cts.CancelAsync();
        var result = await scaling;

        result.Outcome.ShouldBe(ScaleOutcome.Cancelled);
        result.Message!.ShouldContain(Pool);
    }

    [Fact]
    public async Task SetInstanceCountAsync_OperationOutlastsTimeout_ReturnsFailedWithOperationName()
    {
        await using var h = await CloudRunHarness.StartAsync(TimeSpan.FromHours(1));
        var client = new CloudRunClient(
            h.Http, h.Emulator.BaseAddress, tokens: null, h.Clock,
            new CloudRunClientOptions { OperationTimeout = TimeSpan.FromMinutes(2), Retry = new() { AttemptTimeout = null } });

        var result = await h.Clock.RunAsync(client.SetInstanceCountAsync(Pool, 2, etag: null, CancellationToken.None));

        result.Outcome.ShouldBe(ScaleOutcome.Failed);
        result.GoogleStatus.ShouldBe("DEADLINE_EXCEEDED");
        result.OperationName.ShouldNotBeNull();
        result.Message!.ShouldContain(result.OperationName);
    }

    // The PATCH went out once the client asks the clock for its first poll delay.
    [Fact]
    public async Task SetInstanceCountAsync_StopFollowingOnceAccepted_ReturnsCancelledWithTheOperationAndItStillLands()
    {
        await using var h = await CloudRunHarness.StartAsync(TimeSpan.FromSeconds(45));
        using var stop = new CancellationTokenSource();

        var scaling = h.Client.SetInstanceCountAsync(Pool, 4, etag: null, stop.Token, CancellationToken.None);
        await WaitForPollTimerAsync(h, scaling);
        await stop.CancelAsync();
        var result = await scaling.WaitAsync(TimeSpan.FromSeconds(10));

        result.Outcome.ShouldBe(ScaleOutcome.Cancelled);
        result.OperationName.ShouldStartWith("projects/demo/locations/us-central1/operations/");
        h.Clock.Advance(TimeSpan.FromSeconds(45));
        (await h.Client.GetAsync(Pool, CancellationToken.None)).InstanceCount.ShouldBe(4, "the operation went on at Google");
    }

    [Fact]
    public async Task SetInstanceCountAsync_StopFollowingBeforeTheAnswer_StillSendsThePatchAndFollowsNothing()
    {
        await using var h = await CloudRunHarness.StartAsync(TimeSpan.FromSeconds(45));
        using var stop = new CancellationTokenSource();
        await stop.CancelAsync();

        var result = await h.Client.SetInstanceCountAsync(Pool, 4, etag: null, stop.Token, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        result.Outcome.ShouldBe(ScaleOutcome.Cancelled);
        result.OperationName.ShouldNotBeNull("the PATCH was sent and accepted; only following it was skipped");
        h.Calls.ShouldBe([("patch", 200)]);
    }

    private static async Task WaitForPollTimerAsync(CloudRunHarness h, Task scaling)
    {
        await Task.WhenAny(h.Clock.WaitForDelayAsync(1), scaling);

        scaling.IsCompleted.ShouldBeFalse("the operation should still be running when the client starts polling");
        h.Clock.RequestedDelays.ShouldNotBeEmpty();
    }
}
