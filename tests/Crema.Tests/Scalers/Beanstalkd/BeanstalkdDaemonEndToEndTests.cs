using Crema.Tests.Daemon;

namespace Crema.Tests.Scalers.Beanstalkd;

/// <summary>`crema run` end to end: a real beanstalkd tube fills and is worked off; Crema scales the emulated pool up, then to zero.</summary>
public sealed class BeanstalkdDaemonEndToEndTests(BeanstalkdServerFixture fixture) : IClassFixture<BeanstalkdServerFixture>
{
    private const string Pool = "projects/e2e/locations/us-central1/workerPools/beanstalkd-workers";

    [Fact]
    public async Task Run_TubeFillsThenIsWorkedOff_ScalesUpThenToZeroAfterCooldown()
    {
        var tube = BeanstalkdServerFixture.NewTube();
        var yaml = DaemonConfigs.OneTrigger(Pool, "beanstalkd", "emails", $"{{server: \"{fixture.Server.Address}\", tube: {tube}, value: \"10\"}}");
        await using var harness = await DaemonHarness.StartAsync(yaml, new Dictionary<string, int> { [Pool] = 0 });
        await using var client = await fixture.Server.ConnectAsync();

        await client.PutAsync(tube, 45);
        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(Pool) == 5, TimeSpan.FromSeconds(5), 20, "scale up to ceil(45 / 10)");
        var scaledUpAt = harness.Time.GetUtcNow();

        foreach (var id in await client.ReserveAsync(tube, 45))
        {
            await client.DeleteAsync(id);
        }
        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(Pool) == 0, TimeSpan.FromSeconds(5), 30, "scale to zero after cooldown");

        (harness.Time.GetUtcNow() - scaledUpAt).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(30));
        // Without a behavior block the HPA limits each step to max(2 x current, 4): 1 -> 4 -> 5.
        (await harness.HistoryAsync(Pool)).ShouldBe([0, 1, 4, 5, 0]);
    }
}
