using Crema.Tests.Support;

namespace Crema.Tests.Daemon;

/// <summary>`crema run` end to end: a cron window on the fake clock scales the emulated pool up, then to zero.</summary>
public sealed class DaemonCronEndToEndTests
{
    private const string Pool = "projects/e2e/locations/us-central1/workerPools/cron-workers";

    [Fact]
    public async Task Run_EnterThenLeaveWindow_ScalesToDesiredThenToZeroAfterCooldown()
    {
        var yaml = DaemonConfigs.OneTrigger(Pool, "cron", "office", "{timezone: Europe/Berlin, start: \"0 10 * * *\", end: \"0 11 * * *\", desiredReplicas: \"3\"}");
        // 08:58 UTC is 09:58 in Berlin (UTC+1 in December).
        var time = new TimerSignallingTimeProvider(new DateTimeOffset(2026, 12, 3, 8, 58, 0, TimeSpan.Zero));
        await using var harness = await DaemonHarness.StartAsync(yaml, new Dictionary<string, int> { [Pool] = 0 }, time: time);

        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(Pool) == 3, TimeSpan.FromSeconds(30), 20, "scale up to desiredReplicas inside the window");
        harness.Time.GetUtcNow().ShouldBeGreaterThanOrEqualTo(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));

        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(Pool) == 0, TimeSpan.FromSeconds(60), 90, "scale to zero after the window and cooldown");
        harness.Time.GetUtcNow().ShouldBeGreaterThanOrEqualTo(new DateTimeOffset(2026, 12, 3, 10, 0, 30, TimeSpan.Zero));
        (await harness.HistoryAsync(Pool)).ShouldBe([0, 1, 3, 0]);
    }

    [Fact]
    public async Task Run_CronWithAnotherTrigger_TakesTheLargerProposal()
    {
        var settable = new SettableScalerFactory();
        settable.Values["load"] = 5;
        var yaml = $$"""
            apiVersion: crema/v1
            kind: CremaConfig
            spec:
              pollingInterval: 5
              scaledObjects:
                - spec:
                    scaleTargetRef: {name: {{Pool}}}
                    maxReplicaCount: 10
                    cooldownPeriod: 30
                    triggers:
                      - type: cron
                        name: office
                        metadata: {timezone: Etc/UTC, start: "0 9 * * *", end: "0 10 * * *", desiredReplicas: "8"}
                      - type: settable
                        name: load
                        metadata: {key: load, target: "1"}
            """;
        var time = new TimerSignallingTimeProvider(new DateTimeOffset(2026, 12, 3, 8, 50, 0, TimeSpan.Zero));
        await using var harness = await DaemonHarness.StartAsync(yaml, new Dictionary<string, int> { [Pool] = 0 }, extraScalers: [settable], time: time);

        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(Pool) == 5, TimeSpan.FromSeconds(30), 10, "the other trigger alone before the window");
        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(Pool) == 8, TimeSpan.FromSeconds(30), 30, "cron's 8 inside the window (max of 8 and 5)");
        harness.Time.GetUtcNow().ShouldBeGreaterThanOrEqualTo(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
    }
}
