using System.Diagnostics;
using System.Text.Json;
using Crema.Host.Daemon;
using Crema.Host.Emulator;
using Microsoft.Extensions.Logging;

namespace Crema.Tests.Daemon;

/// <summary>
/// Stopping the daemon (SIGTERM) within the shutdown grace: accepted updates are left to Cloud Run, unanswered
/// ones given up in time, hung reads abandoned, anything stuck left behind; and the JSON log format.
/// </summary>
public sealed class DaemonShutdownTests
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Stop_WhileAcceptedUpdateOperationRuns_ReturnsAtOnceAndCloudRunFinishesIt()
    {
        var scalers = new SettableScalerFactory();
        scalers.Values["a"] = 3;
        var log = new StringWriter();
        await using var harness = await DaemonHarness.StartAsync(
            DaemonConfigs.Settable((DaemonConfigs.PoolA, "a", 10)), new Dictionary<string, int> { [DaemonConfigs.PoolA] = 1 }, [scalers],
            new Dictionary<string, TimeSpan> { [DaemonConfigs.PoolA] = TimeSpan.FromSeconds(45) },
            configure: o => o with { LogFormat = "text", LogOutput = TextWriter.Synchronized(log), LogLevel = LogLevel.Information });
        await harness.AdvanceUntilAsync(async () => (await harness.MetricsAsync()).Contains("crema_cloud_run_api_calls_total{method=\"patch\",status=\"200\",target=\"" + DaemonConfigs.PoolA + "\"} 1", StringComparison.Ordinal),
            Poll, 20, "update accepted, its 45 s operation running");
        var stopAsked = harness.Time.GetUtcNow();

        await harness.StopDaemonAsync().WaitAsync(TimeSpan.FromSeconds(10));

        (harness.Time.GetUtcNow() - stopAsked).ShouldBe(TimeSpan.Zero, "an accepted update needs no waiting: the stop took no time on the clock");
        log.ToString().ShouldContain("was accepted (operation projects/e2e/locations/us-central1/operations/");
        harness.Time.Advance(TimeSpan.FromSeconds(45));
        (await harness.HistoryAsync(DaemonConfigs.PoolA)).ShouldBe([1, 3], "Cloud Run finishes the operation on its own");
    }

    [Fact]
    public async Task Stop_WhilePatchHangs_GivesItUpWithinTheGrace()
    {
        var scalers = new SettableScalerFactory();
        scalers.Values["a"] = 1;
        var log = new StringWriter();
        await using var harness = await DaemonHarness.StartAsync(
            DaemonConfigs.Settable((DaemonConfigs.PoolA, "a", 10)), new Dictionary<string, int> { [DaemonConfigs.PoolA] = 1 }, [scalers],
            configure: o => o with { LogFormat = "text", LogOutput = TextWriter.Synchronized(log), LogLevel = LogLevel.Information });
        await harness.AddFaultAsync(new EmulatorFault { Target = DaemonConfigs.PoolA, HangPatches = 100 });
        scalers.Values["a"] = 3;
        await harness.AdvanceUntilAsync(() => Task.FromResult(harness.Emulator.HeldRequests > 0), Poll, 20, "a PATCH held unanswered");

        var elapsed = await StopMovingTheClockAsync(harness);

        elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(7), "an unanswered update is given until a second before the grace ends");
        elapsed.ShouldBeLessThanOrEqualTo(ShutdownGrace.Default);
        log.ToString().ShouldContain("had no answer within 7 s and was given up");
        (await harness.HistoryAsync(DaemonConfigs.PoolA)).ShouldBe([1]);
    }

    [Fact]
    public async Task Stop_LoopStuckPastTheUpdates_LeftBehindWhenTheGraceEnds()
    {
        var scalers = new SettableScalerFactory { HangDispose = true };
        scalers.Values["a"] = 1;
        var log = new StringWriter();
        await using var harness = await DaemonHarness.StartAsync(
            DaemonConfigs.Settable((DaemonConfigs.PoolA, "a", 10)), new Dictionary<string, int> { [DaemonConfigs.PoolA] = 1 }, [scalers],
            configure: o => o with { LogFormat = "text", LogOutput = TextWriter.Synchronized(log), LogLevel = LogLevel.Information, ShutdownGrace = TimeSpan.FromSeconds(4) });
        await harness.AdvanceUntilAsync(async () => (await harness.ObjectStatusAsync(DaemonConfigs.PoolA)).GetProperty("lastDecision").GetString() == "hold 1", Poll, 20, "first poll");

        var elapsed = await StopMovingTheClockAsync(harness);

        elapsed.ShouldBe(TimeSpan.FromSeconds(4), "a scaler whose close never ends is left behind when the configured grace is over");
        log.ToString().ShouldContain("the shutdown grace of 4 s is over; exiting while these scaled objects were still stopping: pool-a");
    }

    // Stops the daemon and moves the clock in small steps until the stop returns; the clock time it took.
    private static async Task<TimeSpan> StopMovingTheClockAsync(DaemonHarness harness)
    {
        var stopAsked = harness.Time.GetUtcNow();
        var stopping = harness.StopDaemonAsync();
        for (var i = 0; i < 200 && !stopping.IsCompleted; i++)
        {
            await Task.WhenAny(stopping, DaemonHarness.SettleAsync());
            if (!stopping.IsCompleted)
            {
                harness.Time.Advance(TimeSpan.FromMilliseconds(250));
            }
        }
        await stopping.WaitAsync(TimeSpan.FromSeconds(10));
        return harness.Time.GetUtcNow() - stopAsked;
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
