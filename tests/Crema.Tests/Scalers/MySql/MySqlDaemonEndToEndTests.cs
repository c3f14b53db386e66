using Crema.Tests.Daemon;

namespace Crema.Tests.Scalers.MySql;

/// <summary>`crema run` end to end: queued rows in a real MariaDB table grow and are worked off; Crema scales the emulated pool up, then to zero.</summary>
[Collection(MariaDbServerCollection.Name)]
public sealed class MySqlDaemonEndToEndTests(MariaDbServerFixture fixture)
{
    private const string Pool = "projects/e2e/locations/us-central1/workerPools/mysql-workers";

    [Fact]
    public async Task Run_QueuedRowsThenWorkedOff_ScalesUpThenToZeroAfterCooldown()
    {
        var server = fixture.Server;
        var dag = "e2e_" + Guid.NewGuid().ToString("N")[..8];
        var metadata = $"{{connectionStringFromEnv: MYSQL_CONN_STR, query: \"SELECT COUNT(*) FROM task_instance WHERE dag = '{dag}' AND state = 'queued'\", queryValue: \"10\"}}";
        var yaml = DaemonConfigs.OneTrigger(Pool, "mysql", "tasks", metadata);
        await using var harness = await DaemonHarness.StartAsync(yaml, new Dictionary<string, int> { [Pool] = 0 },
            environment: new Dictionary<string, string> { ["MYSQL_CONN_STR"] = MySqlTriggers.DsnFor(server, "tls=skip-verify") });

        var rows = string.Join(", ", Enumerable.Range(0, 45).Select(_ => $"('{dag}', 'queued')"));
        await server.ExecuteAsync($"INSERT INTO task_instance (dag, state) VALUES {rows}", MariaDbServerFixture.Database);
        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(Pool) == 5, TimeSpan.FromSeconds(5), 20, "scale up to ceil(45 / 10)");
        var scaledUpAt = harness.Time.GetUtcNow();

        await server.ExecuteAsync($"UPDATE task_instance SET state = 'success' WHERE dag = '{dag}'", MariaDbServerFixture.Database);
        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(Pool) == 0, TimeSpan.FromSeconds(5), 30, "scale to zero after cooldown");

        (harness.Time.GetUtcNow() - scaledUpAt).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(30));
        (await harness.HistoryAsync(Pool)).ShouldBe([0, 1, 4, 5, 0]);
    }
}
