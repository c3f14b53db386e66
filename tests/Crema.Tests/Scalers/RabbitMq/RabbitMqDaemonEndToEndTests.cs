using System.Globalization;
using Crema.Tests.Daemon;
using RabbitMQ.Client;

namespace Crema.Tests.Scalers.RabbitMq;

/// <summary>`crema run` end to end: a real RabbitMQ queue fills and drains; Crema scales the emulated worker pool up, then to zero.</summary>
[Collection(RabbitMqServerCollection.Name)]
public sealed class RabbitMqDaemonEndToEndTests(RabbitMqServerFixture fixture)
{
    private const string Pool = "projects/e2e/locations/us-central1/workerPools/rabbit-workers";
    private const string User = "e2e-worker";
    private const string Password = "e2e-Pa55";

    [Fact]
    public async Task Run_QueueFillsThenIsConsumed_ScalesUpThenToZeroAfterCooldown()
    {
        var server = fixture.Server;
        var vhost = await fixture.NewVhostAsync(User, Password);
        await server.Management.DeclareQueueAsync(vhost, "jobs");
        var host = $"amqp://{User}:{Password}@127.0.0.1:{server.Ports.Amqp.ToString(CultureInfo.InvariantCulture)}/{Uri.EscapeDataString(vhost)}";
        var yaml = DaemonConfigs.OneTrigger(Pool, "rabbitmq", "jobs", $"{{host: \"{host}\", queueName: jobs, mode: QueueLength, value: \"10\"}}");
        await using var harness = await DaemonHarness.StartAsync(yaml, new Dictionary<string, int> { [Pool] = 0 });

        await server.Management.PublishAsync(vhost, "jobs", 45);
        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(Pool) == 5, TimeSpan.FromSeconds(5), 20, "scale up to ceil(45 / 10)");
        var scaledUpAt = harness.Time.GetUtcNow();

        (await ConsumeAllAsync(vhost)).ShouldBe(45);
        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(Pool) == 0, TimeSpan.FromSeconds(5), 30, "scale to zero after cooldown");

        (harness.Time.GetUtcNow() - scaledUpAt).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(30));
        // Without a behavior block the HPA limits each step to max(2 x current, 4): 1 -> 4 -> 5.
        (await harness.HistoryAsync(Pool)).ShouldBe([0, 1, 4, 5, 0]);
    }

    /// <summary>Takes every message off the queue as a worker would (get and ack), returning how many.</summary>
    private async Task<int> ConsumeAllAsync(string vhost)
    {
        var factory = new ConnectionFactory { HostName = "127.0.0.1", Port = fixture.Server.Ports.Amqp, VirtualHost = vhost, UserName = User, Password = Password };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var consumed = 0;
        while (await channel.BasicGetAsync("jobs", autoAck: true) is not null)
        {
            consumed++;
        }
        return consumed;
    }
}
