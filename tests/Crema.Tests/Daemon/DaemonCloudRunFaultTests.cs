using Crema.Host.Emulator;

namespace Crema.Tests.Daemon;

/// <summary>The daemon against Cloud Run's failure modes (through the emulator's faults) and in dry run.</summary>
public sealed class DaemonCloudRunFaultTests
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Run_DryRun_ShowsDecisionCountsDryRunAndWritesNothing()
    {
        var scalers = new SettableScalerFactory();
        scalers.Values["a"] = 3;
        await using var harness = await DaemonHarness.StartAsync(
            DaemonConfigs.Settable((DaemonConfigs.PoolA, "a", 10)), new Dictionary<string, int> { [DaemonConfigs.PoolA] = 1 }, [scalers],
            configure: o => o with { DryRun = true });

        await harness.AdvanceUntilAsync(async () => (await harness.ObjectStatusAsync(DaemonConfigs.PoolA)).GetProperty("lastDecision").GetString() == "dry run: would scale 1 -> 3",
            Poll, 20, "dry-run decision on /status");
        for (var i = 0; i < 3; i++)
        {
            harness.Time.Advance(Poll);
            await DaemonHarness.SettleAsync();
        }

        var status = await harness.ObjectStatusAsync(DaemonConfigs.PoolA);
        status.GetProperty("desired").GetInt32().ShouldBe(3);
        status.GetProperty("current").GetInt32().ShouldBe(1, "nothing was applied");
        var metrics = await harness.MetricsAsync();
        metrics.ShouldContain("crema_scale_operations_total{result=\"dry_run\",scaled_object=\"pool-a\"}");
        metrics.ShouldNotContain("crema_scale_operations_total{result=\"applied\"");
        metrics.ShouldNotContain("method=\"patch\"");
        (await harness.HistoryAsync(DaemonConfigs.PoolA)).ShouldBe([1], "the emulator saw no write");
        (await harness.InstancesAsync(DaemonConfigs.PoolA)).ShouldBe(1);
    }

    [Fact]
    public async Task Run_PatchConflicts_ReReadsDecidesAgainAndReachesDesiredCount()
    {
        var scalers = new SettableScalerFactory();
        scalers.Values["a"] = 1;
        await using var harness = await DaemonHarness.StartAsync(
            DaemonConfigs.Settable((DaemonConfigs.PoolA, "a", 10)), new Dictionary<string, int> { [DaemonConfigs.PoolA] = 1 }, [scalers]);
        await harness.AdvanceUntilAsync(async () => (await harness.ObjectStatusAsync(DaemonConfigs.PoolA)).GetProperty("lastDecision").GetString() == "hold 1",
            Poll, 20, "first poll reads the count");

        await harness.AddFaultAsync(new EmulatorFault { Target = DaemonConfigs.PoolA, Conflicts = 2 });
        scalers.Values["a"] = 3;
        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(DaemonConfigs.PoolA) == 3, Poll, 20, "scale lands after two 409 ABORTED");

        var metrics = await harness.MetricsAsync();
        metrics.ShouldContain("crema_scale_operations_total{result=\"conflict\",scaled_object=\"pool-a\"} 2");
        metrics.ShouldContain("crema_scale_operations_total{result=\"applied\",scaled_object=\"pool-a\"} 1");
        metrics.ShouldContain("crema_cloud_run_api_calls_total{method=\"patch\",status=\"409\",target=\"" + DaemonConfigs.PoolA + "\"} 2");
        (await harness.HistoryAsync(DaemonConfigs.PoolA)).ShouldBe([1, 3]);
    }

    [Fact]
    public async Task Run_CountChangedBySomeoneElse_DecidesAgainFromTheFreshCount()
    {
        var scalers = new SettableScalerFactory();
        scalers.Values["a"] = 2;
        await using var harness = await DaemonHarness.StartAsync(
            DaemonConfigs.Settable((DaemonConfigs.PoolA, "a", 10)), new Dictionary<string, int> { [DaemonConfigs.PoolA] = 0 }, [scalers]);
        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(DaemonConfigs.PoolA) == 2, Poll, 20, "scale to 2");

        // Another writer sets 7 behind Crema's back; Crema still believes 2 when it next wants 4.
        using (var response = await harness.Http.PostAsJsonAsync(new Uri(harness.Emulator.BaseAddress, "emulator/targets"), new { name = DaemonConfigs.PoolA, count = 7 }))
        {
            response.EnsureSuccessStatusCode();
        }
        scalers.Values["a"] = 4;
        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(DaemonConfigs.PoolA) == 4, Poll, 20, "scale to 4 from the fresh count");

        (await harness.ObjectStatusAsync(DaemonConfigs.PoolA)).GetProperty("current").GetInt32().ShouldBe(4);
        (await harness.MetricsAsync()).ShouldContain("crema_scale_operations_total{result=\"conflict\",scaled_object=\"pool-a\"} 1");
    }

    [Theory]
    [InlineData(429)]
    [InlineData(500)]
    public async Task Run_TransientStatusOnUpdate_RetriedAndScaleLands(int status)
    {
        var scalers = new SettableScalerFactory();
        scalers.Values["a"] = 1;
        await using var harness = await DaemonHarness.StartAsync(
            DaemonConfigs.Settable((DaemonConfigs.PoolA, "a", 10)), new Dictionary<string, int> { [DaemonConfigs.PoolA] = 1 }, [scalers]);
        await harness.AdvanceUntilAsync(async () => (await harness.ObjectStatusAsync(DaemonConfigs.PoolA)).GetProperty("lastDecision").GetString() == "hold 1",
            Poll, 20, "first poll reads the count");

        await harness.AddFaultAsync(new EmulatorFault { Target = DaemonConfigs.PoolA, Status = status, Count = 2 });
        scalers.Values["a"] = 3;
        // Watch the emulator's history, not the target: a GET of the target from the test would take the fault.
        await harness.AdvanceUntilAsync(async () => (await harness.HistoryAsync(DaemonConfigs.PoolA))[^1] == 3, Poll, 30, $"scale lands after two {status}s");

        var metrics = await harness.MetricsAsync();
        metrics.ShouldContain($"crema_cloud_run_api_calls_total{{method=\"patch\",status=\"{status}\",target=\"{DaemonConfigs.PoolA}\"}} 2");
        metrics.ShouldContain("crema_scale_operations_total{result=\"applied\",scaled_object=\"pool-a\"} 1");
        metrics.ShouldNotContain("crema_scale_operations_total{result=\"failed\"");
        (await harness.HistoryAsync(DaemonConfigs.PoolA)).ShouldBe([1, 3]);
    }

    [Fact]
    public async Task Run_TargetMissingAndPermissionDenied_ReportedWithResourceNameAndOtherObjectKeepsScaling()
    {
        var scalers = new SettableScalerFactory();
        scalers.Values["a"] = 2;
        scalers.Values["b"] = 2;
        await using var harness = await DaemonHarness.StartAsync(
            DaemonConfigs.Settable((DaemonConfigs.PoolA, "a", 10), (DaemonConfigs.PoolB, "b", 10)),
            new Dictionary<string, int> { [DaemonConfigs.PoolA] = 0 }, [scalers]);

        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(DaemonConfigs.PoolA) == 2, Poll, 20, "pool-a scales although pool-b does not exist");
        var missing = await harness.ObjectStatusAsync(DaemonConfigs.PoolB);
        missing.GetProperty("lastScaleError").GetString()!.ShouldContain(DaemonConfigs.PoolB);
        missing.GetProperty("lastScaleError").GetString()!.ShouldContain("404");
        missing.GetProperty("reason").GetString()!.ShouldContain("cannot read the current instance count");
        (await harness.MetricsAsync()).ShouldContain("crema_cloud_run_api_calls_total{method=\"get\",status=\"404\",target=\"" + DaemonConfigs.PoolB + "\"}");

        await harness.AddFaultAsync(new EmulatorFault { Target = DaemonConfigs.PoolA, Status = 403, Count = 1 });
        scalers.Values["a"] = 4;
        await harness.AdvanceUntilAsync(async () => (await harness.MetricsAsync()).Contains("crema_scale_operations_total{result=\"failed\",scaled_object=\"pool-a\"} 1", StringComparison.Ordinal),
            Poll, 20, "403 counted as a failed scale");
        // The clock stands still, so no later poll can clear the error before it is read.
        var error = await WaitForScaleErrorAsync(harness, DaemonConfigs.PoolA);
        error.ShouldContain("403");
        error.ShouldContain(DaemonConfigs.PoolA);

        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(DaemonConfigs.PoolA) == 4, Poll, 20, "next poll scales once the 403 is gone");
        (await harness.ObjectStatusAsync(DaemonConfigs.PoolA)).GetProperty("lastScaleError").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        (await harness.ObjectStatusAsync(DaemonConfigs.PoolB)).GetProperty("current").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        (await harness.HistoryAsync(DaemonConfigs.PoolB)).ShouldBeEmpty();
    }

    private static async Task<string> WaitForScaleErrorAsync(DaemonHarness harness, string target)
    {
        for (var i = 0; i < 100; i++)
        {
            if ((await harness.ObjectStatusAsync(target)).GetProperty("lastScaleError").GetString() is { } error)
            {
                return error;
            }
            await DaemonHarness.SettleAsync();
        }
        throw new ShouldAssertException($"no lastScaleError on {target}");
    }
}
