using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Crema.Tests.Daemon;

/// <summary>Stopping the daemon (SIGTERM): updates in flight are finished, hung reads abandoned; and the JSON log format.</summary>
public sealed class DaemonShutdownTests
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Stop_WhileUpdateOperationRuns_WaitsForItAndTheNewCountLands()
    {
        var scalers = new SettableScalerFactory();
        scalers.Values["a"] = 3;
        await using var harness = await DaemonHarness.StartAsync(
            DaemonConfigs.Settable((DaemonConfigs.PoolA, "a", 10)), new Dictionary<string, int> { [DaemonConfigs.PoolA] = 1 }, [scalers],
            new Dictionary<string, TimeSpan> { [DaemonConfigs.PoolA] = TimeSpan.FromSeconds(20) });
        await harness.AdvanceUntilAsync(async () => (await harness.MetricsAsync()).Contains("crema_cloud_run_api_calls_total{method=\"patch\",status=\"200\"} 1", StringComparison.Ordinal),
            Poll, 20, "update sent, its operation running");
        var stopAsked = harness.Time.GetUtcNow();

        var stopping = harness.StopDaemonAsync();
        await Task.WhenAny(stopping, Task.Delay(300));
        stopping.IsCompleted.ShouldBeFalse("the stop waits for the running operation");
        for (var i = 0; i < 60 && !stopping.IsCompleted; i++)
        {
            harness.Time.Advance(Poll);
            await Task.WhenAny(stopping, DaemonHarness.SettleAsync());
        }

        await stopping.WaitAsync(TimeSpan.FromSeconds(10));
        (harness.Time.GetUtcNow() - stopAsked).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(15));
        (await harness.HistoryAsync(DaemonConfigs.PoolA)).ShouldBe([1, 3], "the update finished instead of being abandoned");
    }

    [Fact]
    public async Task Stop_WhileTriggerReadHangs_ReturnsPromptly()
    {
        var scalers = new SettableScalerFactory();
        scalers.Hanging["a"] = true;
        await using var harness = await DaemonHarness.StartAsync(
            DaemonConfigs.Settable((DaemonConfigs.PoolA, "a", 10)), new Dictionary<string, int> { [DaemonConfigs.PoolA] = 1 }, [scalers]);
        await scalers.HangStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));

        var clock = Stopwatch.StartNew();
        await harness.StopDaemonAsync().WaitAsync(TimeSpan.FromSeconds(20));

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5), "a read that ignores its token is abandoned, without moving the clock");
        (await harness.HistoryAsync(DaemonConfigs.PoolA)).ShouldBe([1]);
    }

    [Fact]
    public async Task Run_HangingTriggerRead_TimesOutAndOtherTriggersStillDecide()
    {
        var scalers = new SettableScalerFactory();
        scalers.Hanging["a"] = true;
        await using var harness = await DaemonHarness.StartAsync(
            DaemonConfigs.Settable((DaemonConfigs.PoolA, "a", 10)), new Dictionary<string, int> { [DaemonConfigs.PoolA] = 1 }, [scalers]);
        await scalers.HangStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));

        await harness.AdvanceUntilAsync(async () => (await harness.ObjectStatusAsync(DaemonConfigs.PoolA)).GetProperty("triggers") is { ValueKind: JsonValueKind.Array } t
            && t.GetArrayLength() == 1 && t[0].GetProperty("lastError").GetString() is { } e && e.StartsWith("no answer within", StringComparison.Ordinal), Poll, 15, "read timeout reported");
        (await harness.HistoryAsync(DaemonConfigs.PoolA)).ShouldBe([1], "a hung source never scales the target");
    }

    [Fact]
    public async Task Run_JsonLogFormat_OneObjectPerLineWithSeverityMessageTimeAndScaledObject()
    {
        var scalers = new SettableScalerFactory();
        scalers.Values["a"] = 2;
        var log = new StringWriter();
        await using var harness = await DaemonHarness.StartAsync(
            DaemonConfigs.Settable((DaemonConfigs.PoolA, "a", 10)), new Dictionary<string, int> { [DaemonConfigs.PoolA] = 1 }, [scalers],
            configure: o => o with { LogFormat = "json", LogOutput = TextWriter.Synchronized(log), LogLevel = LogLevel.Information });
        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(DaemonConfigs.PoolA) == 2, Poll, 20, "scale to 2");
        await harness.StopDaemonAsync();

        var lines = log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.ShouldNotBeEmpty();
        var entries = lines.Select(line => JsonDocument.Parse(line).RootElement).ToArray();
        entries.ShouldAllBe(e => e.GetProperty("severity").GetString()!.Length > 0 && e.GetProperty("message").GetString()!.Length > 0
            && e.GetProperty("time").GetDateTimeOffset() > DateTimeOffset.UnixEpoch);
        var decision = entries.Single(e => e.TryGetProperty("decision", out var d) && d.GetString() == "scale 1 -> 2");
        decision.GetProperty("severity").GetString().ShouldBe("INFO");
        decision.GetProperty("scaledObject").GetString().ShouldBe("pool-a");
        decision.GetProperty("message").GetString()!.ShouldStartWith("pool-a: scale 1 -> 2");
    }
}
