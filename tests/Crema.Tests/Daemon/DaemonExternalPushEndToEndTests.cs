using System.Diagnostics;
using Crema.Tests.Scalers.External;
using Xunit.Abstractions;

namespace Crema.Tests.Daemon;

/// <summary>Daemon + emulator + the Python external scaler: a pushed "active" scales from zero without waiting for a poll.</summary>
public sealed class DaemonExternalPushEndToEndTests(ITestOutputHelper output)
{
    private const string Pool = "projects/e2e/locations/us-central1/workerPools/push-workers";

    [Fact]
    public async Task Run_PushActiveWhileAtZero_ScalesToOneWellUnderOnePollingInterval()
    {
        await using var scaler = await ExternalScalerServer.StartAsync();
        var yaml = $$"""
            apiVersion: crema/v1
            kind: CremaConfig
            spec:
              pollingInterval: 60
              scaledObjects:
                - spec:
                    scaleTargetRef: {name: {{Pool}}}
                    maxReplicaCount: 5
                    triggers:
                      - type: external-push
                        name: queue
                        metadata: {scalerAddress: "{{scaler.Address}}"}
            """;
        await using var harness = await DaemonHarness.StartAsync(yaml, new Dictionary<string, int> { [Pool] = 0 });
        await harness.AdvanceUntilAsync(async () => (await harness.StatusAsync()).GetProperty("scaledObjects")[0].GetProperty("lastPollAt").ValueKind == System.Text.Json.JsonValueKind.String,
            TimeSpan.Zero, 200, "first poll (inactive)");
        await scaler.WaitForOpenStreamsAsync(1);
        (await harness.InstancesAsync(Pool)).ShouldBe(0);

        await scaler.SetMetricAsync("queue", 5);
        await scaler.SetActiveAsync(true);
        var pushedAt = harness.Time.GetUtcNow();
        var clock = Stopwatch.StartNew();
        await scaler.PushActiveAsync(true);
        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(Pool) == 1, TimeSpan.Zero, 250, "pushed activity scales 0 -> 1");
        clock.Stop();

        var simulated = harness.Time.GetUtcNow() - pushedAt;
        output.WriteLine($"push to 1 instance: {clock.ElapsedMilliseconds} ms of real time, {simulated.TotalSeconds} s of the 60 s polling interval");
        simulated.ShouldBe(TimeSpan.Zero, "no poll was needed: the push itself triggered the scale-up");
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Run_ExternalPushScalerRebuiltAfterFailedReads_KeepsOneStreamIsActiveWatch()
    {
        await using var scaler = await ExternalScalerServer.StartAsync();
        // Every read fails, so every poll disposes the scaler and builds a new one (read, rebuild, read again).
        await scaler.FailAsync("GetMetrics", "UNAVAILABLE", "backend down");
        var yaml = DaemonConfigs.OneTrigger(Pool, "external-push", "queue", $"{{scalerAddress: \"{scaler.Address}\"}}");
        await using var harness = await DaemonHarness.StartAsync(yaml, new Dictionary<string, int> { [Pool] = 1 });
        await harness.AdvanceUntilAsync(
            async () => (await harness.ObjectStatusAsync(Pool)).GetProperty("lastPollAt").ValueKind == System.Text.Json.JsonValueKind.String,
            TimeSpan.Zero, 250, "first poll");

        const int Polls = 10;
        for (var poll = 0; poll < Polls; poll++)
        {
            await harness.StepAsync(TimeSpan.FromSeconds(5), Pool);
        }

        // Each poll reads twice: once with the old scaler, once with its replacement.
        (await scaler.CallCountAsync("GetMetrics")).ShouldBe(2 * (Polls + 1));
        await scaler.WaitForOpenStreamsAsync(1);
        await DaemonHarness.SettleAsync();
        (await scaler.OpenStreamCountAsync()).ShouldBe(1, "each disposed scaler ends its own StreamIsActive watch");
        (await harness.InstancesAsync(Pool)).ShouldBe(1, "a failing trigger never scales to zero");
    }
}
