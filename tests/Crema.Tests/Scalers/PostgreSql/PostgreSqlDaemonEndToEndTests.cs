using Crema.Tests.Daemon;

namespace Crema.Tests.Scalers.PostgreSql;

/// <summary>`crema run` end to end: queued rows in a real PostgreSQL table grow and are worked off; Crema scales the emulated pool up, then to zero.</summary>
[Collection(PostgreSqlServerCollection.Name)]
public sealed class PostgreSqlDaemonEndToEndTests(PostgreSqlServerFixture fixture)
{
    private const string Pool = "projects/e2e/locations/us-central1/workerPools/pg-workers";

    [Fact]
    public async Task Run_QueuedRowsThenWorkedOff_ScalesUpThenToZeroAfterCooldown()
    {
        var server = fixture.Server;
        var dag = "e2e_" + Guid.NewGuid().ToString("N")[..8];
        var query = $"SELECT count(*) FROM task_instance WHERE dag = '{dag}' AND state = 'queued'";
        var metadata = $"{{host: 127.0.0.1, port: \"{server.PortText}\", userName: {PostgreSqlServerFixture.User}, passwordFromEnv: PG_PASSWORD, "
            + $"dbName: {PostgreSqlServerFixture.Database}, sslmode: require, query: \"{query}\", targetQueryValue: \"10\"}}";
        var yaml = DaemonConfigs.OneTrigger(Pool, "postgresql", "tasks", metadata);
        await using var harness = await DaemonHarness.StartAsync(yaml, new Dictionary<string, int> { [Pool] = 0 },
            environment: new Dictionary<string, string> { ["PG_PASSWORD"] = PostgreSqlServerFixture.Password });

        await server.ExecuteAsync($"INSERT INTO task_instance (dag, state) SELECT '{dag}', 'queued' FROM generate_series(1, 45)", PostgreSqlServerFixture.Database);
        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(Pool) == 5, TimeSpan.FromSeconds(5), 20, "scale up to ceil(45 / 10)");
        var scaledUpAt = harness.Time.GetUtcNow();

        await server.ExecuteAsync($"UPDATE task_instance SET state = 'success' WHERE dag = '{dag}'", PostgreSqlServerFixture.Database);
        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(Pool) == 0, TimeSpan.FromSeconds(5), 30, "scale to zero after cooldown");

        (harness.Time.GetUtcNow() - scaledUpAt).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(30));
        // Without a behavior block the HPA limits each step to max(2 x current, 4): 1 -> 4 -> 5.
        (await harness.HistoryAsync(Pool)).ShouldBe([0, 1, 4, 5, 0]);
    }
}
