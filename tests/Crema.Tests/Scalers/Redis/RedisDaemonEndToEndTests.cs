using Crema.Tests.Daemon;
using Crema.Tests.Support;
using StackExchange.Redis;

namespace Crema.Tests.Scalers.Redis;

/// <summary>
/// `crema run` end to end against real redis-servers: a list and a stream fill and drain and Crema scales the
/// emulated worker pool up, then to zero; a server that goes down holds the pool where it is.
/// </summary>
public sealed class RedisDaemonEndToEndTests(RedisStandaloneFixture redis) : IClassFixture<RedisStandaloneFixture>
{
    private const string Pool = "projects/e2e/locations/us-central1/workerPools/redis-workers";

    private static readonly Dictionary<string, string> Environment = new() { ["REDIS_PASSWORD"] = RedisStandaloneFixture.Password };

    [Fact]
    public async Task Run_ListFillsThenIsConsumed_ScalesUpThenToZeroAfterCooldown()
    {
        var list = "jobs-" + Guid.NewGuid().ToString("N")[..8];
        var yaml = DaemonConfigs.OneTrigger(Pool, "redis", "jobs", $"{{address: \"{redis.Server.Address}\", passwordFromEnv: REDIS_PASSWORD, listName: {list}, listLength: \"10\"}}");
        await using var harness = await DaemonHarness.StartAsync(yaml, new Dictionary<string, int> { [Pool] = 0 }, environment: Environment);

        await redis.Admin().ListRightPushAsync(list, Enumerable.Range(0, 45).Select(i => (RedisValue)i).ToArray());
        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(Pool) == 5, TimeSpan.FromSeconds(5), 20, "scale up to ceil(45 / 10)");
        var scaledUpAt = harness.Time.GetUtcNow();

        // Workers take every job off the list.
        while (await redis.Admin().ListLeftPopAsync(list, 10) is { Length: > 0 })
        {
        }
        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(Pool) == 0, TimeSpan.FromSeconds(5), 30, "scale to zero after cooldown");

        (harness.Time.GetUtcNow() - scaledUpAt).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(30));
        // Without a behavior block the HPA limits each step to max(2 x current, 4): 1 -> 4 -> 5.
        (await harness.HistoryAsync(Pool)).ShouldBe([0, 1, 4, 5, 0]);
        (await harness.StatusAsync()).ToString().ShouldNotContain(RedisStandaloneFixture.Password);
        (await harness.MetricsAsync()).ShouldNotContain(RedisStandaloneFixture.Password);
    }

    [Fact]
    public async Task Run_StreamLagRisesThenIsRead_ScalesFromZeroThenBackToZero()
    {
        var stream = "orders-" + Guid.NewGuid().ToString("N")[..8];
        await redis.Admin().StreamAddAsync(stream, "order", 0);
        await redis.Admin().StreamCreateConsumerGroupAsync(stream, "workers", StreamPosition.NewMessages);
        var yaml = DaemonConfigs.OneTrigger(Pool, "redis-streams", "orders",
            $"{{address: \"{redis.Server.Address}\", passwordFromEnv: REDIS_PASSWORD, stream: {stream}, consumerGroup: workers, lagCount: \"10\"}}");
        await using var harness = await DaemonHarness.StartAsync(yaml, new Dictionary<string, int> { [Pool] = 0 }, environment: Environment);

        // With no consumer running, pending entries stay 0: the lag is what lets the pool start from zero (KEDA's lagCount).
        for (var i = 1; i <= 30; i++)
        {
            await redis.Admin().StreamAddAsync(stream, "order", i);
        }
        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(Pool) == 3, TimeSpan.FromSeconds(5), 20, "scale up to ceil(30 / 10)");

        var read = await redis.Admin().StreamReadGroupAsync(stream, "workers", "worker-1", ">", count: 100);
        read.Length.ShouldBe(30);
        await redis.Admin().StreamAcknowledgeAsync(stream, "workers", read.Select(e => e.Id).ToArray());
        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(Pool) == 0, TimeSpan.FromSeconds(5), 30, "scale to zero after cooldown");

        (await harness.HistoryAsync(Pool)).ShouldBe([0, 1, 3, 0]);
    }

    [Fact]
    public async Task Run_ServerGoesDown_HoldsThePoolAndReportsTheServerPastTheCooldown()
    {
        var port = FreeTcpPort.Next();
        var server = await RedisProcess.StartAsync(port, [$"requirepass {RedisStandaloneFixture.Password}"]);
        try
        {
            await using (var admin = await ConnectionMultiplexer.ConnectAsync($"{server.Address},password={RedisStandaloneFixture.Password}"))
            {
                await admin.GetDatabase().ListRightPushAsync("jobs", Enumerable.Range(0, 25).Select(i => (RedisValue)i).ToArray());
            }
            var yaml = DaemonConfigs.OneTrigger(Pool, "redis", "jobs", $"{{address: \"{server.Address}\", passwordFromEnv: REDIS_PASSWORD, listName: jobs, listLength: \"10\"}}");
            await using var harness = await DaemonHarness.StartAsync(yaml, new Dictionary<string, int> { [Pool] = 0 }, environment: Environment);
            await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(Pool) == 3, TimeSpan.FromSeconds(5), 20, "scale up to ceil(25 / 10)");

            await server.KillAsync();
            for (var poll = 0; poll < 10; poll++)
            {
                await harness.StepAsync(TimeSpan.FromSeconds(5), Pool);
            }

            (await harness.InstancesAsync(Pool)).ShouldBe(3, "a source that fails never scales the pool down, cooldown or not");
            var error = (await harness.ObjectStatusAsync(Pool)).GetProperty("triggers")[0].GetProperty("lastError").GetString();
            error.ShouldStartWith($"redis {server.Address} as user \"default\": cannot connect (UnableToConnect): {server.Address} refused the connection");
            (await harness.StatusAsync()).ToString().ShouldNotContain(RedisStandaloneFixture.Password);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }
}
