using Crema.Google;
using Crema.Google.CloudRun;

namespace Crema.Tests.Emulator;

public sealed class CloudRunClientEmulatorTests
{
    private const string Pool = CloudRunHarness.Pool;

    [Fact]
    public async Task GetAsync_ConfiguredWorkerPool_ReturnsCountEtagAndGenerations()
    {
        await using var h = await CloudRunHarness.StartAsync();

        var target = await h.Client.GetAsync(Pool, CancellationToken.None);

        target.Name.ShouldBe(Pool);
        target.Kind.ShouldBe(CloudRunTargetKind.WorkerPool);
        target.InstanceCount.ShouldBe(1);
        target.Etag.ShouldNotBeNullOrEmpty();
        target.Generation.ShouldBe(1);
        target.ObservedGeneration.ShouldBe(1);
        target.Reconciling.ShouldBeFalse();
        target.TerminalCondition!.State.ShouldBe("CONDITION_SUCCEEDED");
        target.UpdateTime.ShouldBe(h.Clock.GetUtcNow());
    }

    [Fact]
    public async Task SetInstanceCountAsync_LowerCaseWorkerpoolsName_AppliesAndGetReadsNewCount()
    {
        await using var h = await CloudRunHarness.StartAsync();
        var lowerCase = Pool.Replace("workerPools", "workerpools", StringComparison.Ordinal);
        var before = await h.Client.GetAsync(lowerCase, CancellationToken.None);

        var result = await h.Client.SetInstanceCountAsync(lowerCase, 4, before.Etag, CancellationToken.None);
        var after = await h.Client.GetAsync(Pool, CancellationToken.None);

        result.Outcome.ShouldBe(ScaleOutcome.Applied);
        result.ResourceName.ShouldBe(Pool);
        result.OperationName.ShouldStartWith("projects/demo/locations/us-central1/operations/");
        after.InstanceCount.ShouldBe(4);
        after.Generation.ShouldBe(2);
        after.ObservedGeneration.ShouldBe(2);
        after.Etag.ShouldNotBe(before.Etag);
    }

    [Fact]
    public async Task SetInstanceCountAsync_Service_AppliesManualInstanceCount()
    {
        await using var h = await CloudRunHarness.StartAsync();

        var result = await h.Client.SetInstanceCountAsync(CloudRunHarness.Service, 0, etag: null, CancellationToken.None);

        result.Outcome.ShouldBe(ScaleOutcome.Applied);
        var service = await h.Client.GetAsync(CloudRunHarness.Service, CancellationToken.None);
        service.Kind.ShouldBe(CloudRunTargetKind.Service);
        service.InstanceCount.ShouldBe(0);
    }

    [Fact]
    public async Task SetInstanceCountAsync_StaleEtag_ReturnsConflictThenRereadSucceeds()
    {
        await using var h = await CloudRunHarness.StartAsync();
        var stale = await h.Client.GetAsync(Pool, CancellationToken.None);
        (await h.Client.SetInstanceCountAsync(Pool, 2, stale.Etag, CancellationToken.None)).IsApplied.ShouldBeTrue();

        var conflict = await h.Client.SetInstanceCountAsync(Pool, 5, stale.Etag, CancellationToken.None);
        var reread = await h.Client.GetAsync(Pool, CancellationToken.None);
        var retried = await h.Client.SetInstanceCountAsync(Pool, 5, reread.Etag, CancellationToken.None);

        conflict.Outcome.ShouldBe(ScaleOutcome.Conflict);
        conflict.HttpStatus.ShouldBe(409);
        conflict.GoogleStatus.ShouldBe("ABORTED");
        reread.InstanceCount.ShouldBe(2);
        retried.Outcome.ShouldBe(ScaleOutcome.Applied);
        (await h.Client.GetAsync(Pool, CancellationToken.None)).InstanceCount.ShouldBe(5);
    }

    [Fact]
    public async Task SetInstanceCountAsync_InjectedConflict_ReturnsConflictWithoutRetrying()
    {
        await using var h = await CloudRunHarness.StartAsync();
        await h.PostAsync("emulator/faults", $$"""{"target":"{{Pool}}","conflicts":1}""");

        var result = await h.Client.SetInstanceCountAsync(Pool, 3, etag: null, CancellationToken.None);

        result.Outcome.ShouldBe(ScaleOutcome.Conflict);
        h.Calls.Count(c => c.Method == "patch").ShouldBe(1);
    }

    [Fact]
    public async Task SetInstanceCountAsync_Two429sThenSuccess_RetriesOnTheClockAndApplies()
    {
        await using var h = await CloudRunHarness.StartAsync();
        await h.PostAsync("emulator/faults", $$"""{"target":"{{Pool}}","status":429,"count":2}""");
        var start = h.Clock.GetUtcNow();

        var result = await h.Clock.RunAsync(h.Client.SetInstanceCountAsync(Pool, 3, etag: null, CancellationToken.None));

        result.Outcome.ShouldBe(ScaleOutcome.Applied);
        h.Calls.Where(c => c.Method == "patch").Select(c => c.Status).ShouldBe([429, 429, 200]);
        (h.Clock.GetUtcNow() - start).ShouldBeGreaterThan(TimeSpan.Zero);
        (await h.Client.GetAsync(Pool, CancellationToken.None)).InstanceCount.ShouldBe(3);
    }

    [Fact]
    public async Task SetInstanceCountAsync_503WithRetryAfter_WaitsThatLongBeforeRetrying()
    {
        await using var h = await CloudRunHarness.StartAsync();
        await h.PostAsync("emulator/faults", $$"""{"target":"{{Pool}}","status":503,"count":1,"retryAfterSeconds":20}""");
        var start = h.Clock.GetUtcNow();

        var result = await h.Clock.RunAsync(h.Client.SetInstanceCountAsync(Pool, 2, etag: null, CancellationToken.None));

        result.Outcome.ShouldBe(ScaleOutcome.Applied);
        (h.Clock.GetUtcNow() - start).ShouldBe(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task SetInstanceCountAsync_500OnEveryAttempt_ReturnsFailedAfterFiveAttempts()
    {
        await using var h = await CloudRunHarness.StartAsync();
        await h.PostAsync("emulator/faults", """{"status":500,"count":100}""");

        var result = await h.Clock.RunAsync(h.Client.SetInstanceCountAsync(Pool, 3, etag: null, CancellationToken.None));

        result.Outcome.ShouldBe(ScaleOutcome.Failed);
        result.HttpStatus.ShouldBe(500);
        result.GoogleStatus.ShouldBe("INTERNAL");
        result.Message!.ShouldContain(Pool);
        h.Calls.Count(c => c.Method == "patch" && c.Status == 500).ShouldBe(5);
    }

    [Fact]
    public async Task SetInstanceCountAsync_UnknownWorkerPool_ReturnsFailedNamingTheResource()
    {
        await using var h = await CloudRunHarness.StartAsync();
        const string missing = "projects/demo/locations/us-central1/workerPools/missing";

        var result = await h.Client.SetInstanceCountAsync(missing, 1, etag: null, CancellationToken.None);

        result.Outcome.ShouldBe(ScaleOutcome.Failed);
        result.HttpStatus.ShouldBe(404);
        result.GoogleStatus.ShouldBe("NOT_FOUND");
        result.Message!.ShouldContain(missing);
        h.Calls.Count.ShouldBe(1);
    }

    [Fact]
    public async Task GetAsync_UnknownService_ThrowsNamingTheResource()
    {
        await using var h = await CloudRunHarness.StartAsync();
        const string missing = "projects/demo/locations/us-central1/services/nope";

        var error = await Should.ThrowAsync<GoogleApiException>(() => h.Client.GetAsync(missing, CancellationToken.None));

        error.HttpStatus.ShouldBe(404);
        error.GoogleStatus.ShouldBe("NOT_FOUND");
        error.Message.ShouldContain(missing);
    }

    [Fact]
    public async Task SetInstanceCountAsync_OperationFails_ReturnsFailedWithOperationError()
    {
        await using var h = await CloudRunHarness.StartAsync();
        await h.PostAsync("emulator/faults", $$"""{"target":"{{Pool}}","failOperations":1}""");

        var result = await h.Client.SetInstanceCountAsync(Pool, 9, etag: null, CancellationToken.None);

        result.Outcome.ShouldBe(ScaleOutcome.Failed);
        result.GoogleStatus.ShouldBe("FAILED_PRECONDITION");
        result.Message!.ShouldContain("CpuAllocPerProjectRegion");
        (await h.Client.GetAsync(Pool, CancellationToken.None)).InstanceCount.ShouldBe(1);
    }
}
