using System.Net.Http.Json;
using System.Text.Json;

namespace Crema.Tests.Daemon;

/// <summary>The daemon's loops against the emulator: independence, failures, restarts, dry run.</summary>
public sealed class DaemonLoopTests
{
    [Fact]
    public async Task Run_SlowOperationOnOneTarget_DoesNotDelayAnother()
    {
        var scalers = new SettableScalerFactory();
        scalers.Values["a"] = 3;
        scalers.Values["b"] = 3;
        await using var harness = await DaemonHarness.StartAsync(
            DaemonConfigs.Settable((DaemonConfigs.PoolA, "a", 10), (DaemonConfigs.PoolB, "b", 10)),
            new Dictionary<string, int> { [DaemonConfigs.PoolA] = 0, [DaemonConfigs.PoolB] = 0 },
            [scalers],
            new Dictionary<string, TimeSpan> { [DaemonConfigs.PoolA] = TimeSpan.FromSeconds(60) });
        var started = harness.Time.GetUtcNow();

        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(DaemonConfigs.PoolB) == 3, TimeSpan.FromSeconds(1), 40, "pool-b scales to 3");

        (harness.Time.GetUtcNow() - started).ShouldBeLessThan(TimeSpan.FromSeconds(60));
        (await harness.InstancesAsync(DaemonConfigs.PoolA)).ShouldBe(0, "pool-a's first update is still in its 60 s operation");
        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(DaemonConfigs.PoolA) >= 1, TimeSpan.FromSeconds(5), 30, "pool-a's slow update lands");
    }

    [Fact]
    public async Task Run_SourceFailsLongerThanCooldown_NeverScalesToZero()
    {
        var scalers = new SettableScalerFactory();
        scalers.Values["a"] = 3;
        await using var harness = await DaemonHarness.StartAsync(
            DaemonConfigs.Settable((DaemonConfigs.PoolA, "a", 10)), new Dictionary<string, int> { [DaemonConfigs.PoolA] = 0 }, [scalers]);
        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(DaemonConfigs.PoolA) == 3, TimeSpan.FromSeconds(1), 40, "scale to 3");

        scalers.Values["a"] = double.NaN;
        var failingSince = harness.Time.GetUtcNow();
        // Counted in polls, not steps, so a slow machine cannot end the test before the cooldown (10 s) has passed.
        await harness.AdvanceUntilAsync(async () => (await harness.StatusAsync()).GetProperty("scaledObjects")[0].GetProperty("triggers")[0]
            .GetProperty("consecutiveFailures").GetInt32() > 20, TimeSpan.FromSeconds(1), 200, "twenty failed polls");

        (harness.Time.GetUtcNow() - failingSince).ShouldBeGreaterThan(TimeSpan.FromSeconds(10));
        (await harness.InstancesAsync(DaemonConfigs.PoolA)).ShouldBe(3);
        var trigger = (await harness.StatusAsync()).GetProperty("scaledObjects")[0].GetProperty("triggers")[0];
        trigger.GetProperty("lastError").GetString().ShouldBe("source a is down");
    }

    [Fact]
    public async Task Run_RestartWithCountAlreadyRight_WritesNothing()
    {
        var scalers = new SettableScalerFactory();
        scalers.Values["a"] = 4;
        await using var harness = await DaemonHarness.StartAsync(
            DaemonConfigs.Settable((DaemonConfigs.PoolA, "a", 10)), new Dictionary<string, int> { [DaemonConfigs.PoolA] = 4 }, [scalers]);

        await harness.AdvanceUntilAsync(async () => (await harness.StatusAsync()).GetProperty("scaledObjects")[0].GetProperty("desired").ValueKind == JsonValueKind.Number,
            TimeSpan.FromSeconds(1), 10, "first decision");
        for (var i = 0; i < 5; i++)
        {
            harness.Time.Advance(TimeSpan.FromSeconds(1));
            await DaemonHarness.SettleAsync();
        }

        var history = await harness.Http.GetFromJsonAsync<JsonElement>(new Uri(harness.Emulator.BaseAddress, "emulator/history"));
        DaemonPrometheusEndToEndTests.HistoryCounts(history, DaemonConfigs.PoolA).ShouldBe([4]);
        scalers.Built.ShouldBe(1, "a scaler is built once and reused across polls");
    }

    [Fact]
    public async Task Run_StartsWithIdleRunningPool_WaitsFullCooldownBeforeZero()
    {
        var scalers = new SettableScalerFactory();
        scalers.Values["a"] = 0;
        await using var harness = await DaemonHarness.StartAsync(
            DaemonConfigs.Settable((DaemonConfigs.PoolA, "a", 10)), new Dictionary<string, int> { [DaemonConfigs.PoolA] = 3 }, [scalers]);
        var started = harness.Time.GetUtcNow();

        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(DaemonConfigs.PoolA) == 0, TimeSpan.FromSeconds(1), 40, "idle pool goes to zero");

        // cooldownPeriod is 10 s: a restart must not cut it short, though no lastActiveTime survived it.
        (harness.Time.GetUtcNow() - started).ShouldBeGreaterThan(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Run_SameTriggerErrorEveryPoll_LoggedOnceThenRecoveryLogged()
    {
        var scalers = new SettableScalerFactory();
        scalers.Values["a"] = double.NaN;
        var log = new StringWriter();
        await using var harness = await DaemonHarness.StartAsync(
            DaemonConfigs.Settable((DaemonConfigs.PoolA, "a", 10)), new Dictionary<string, int> { [DaemonConfigs.PoolA] = 2 }, [scalers],
            configure: o => o with { LogFormat = "text", LogOutput = TextWriter.Synchronized(log), LogLevel = Microsoft.Extensions.Logging.LogLevel.Information });
        await harness.AdvanceUntilAsync(async () => (await harness.StatusAsync()).GetProperty("scaledObjects")[0].GetProperty("triggers")[0]
            .GetProperty("consecutiveFailures").GetInt32() >= 5, TimeSpan.FromSeconds(1), 20, "five failed polls");

        scalers.Values["a"] = 2;
        await harness.AdvanceUntilAsync(() => Task.FromResult(log.ToString().Contains("reads again", StringComparison.Ordinal)), TimeSpan.FromSeconds(1), 10, "recovery logged");

        var text = log.ToString();
        System.Text.RegularExpressions.Regex.Count(text, "failed: source a is down").ShouldBe(1, text);
    }
}
