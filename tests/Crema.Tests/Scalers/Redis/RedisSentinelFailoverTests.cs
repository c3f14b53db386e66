using System.Globalization;
using Crema.Scalers.Redis;
using Crema.Tests.Support;
using StackExchange.Redis;

namespace Crema.Tests.Scalers.Redis;

/// <summary>A <c>redis-sentinel</c> trigger across a real failover: a primary, its replica and one sentinel that promotes the replica.</summary>
public sealed class RedisSentinelFailoverTests
{
    private const string Master = "jobs-primary";
    private const string Password = "failover-pass-6c2d";
    private static readonly TimeSpan FollowTimeout = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Asks the sentinel to fail over, again while it answers NOGOODSLAVE (it has not yet heard from the replica
    /// itself); a bounded real-time poll on external processes.
    /// </summary>
    private static async Task FailoverAsync(RedisProcess sentinel)
    {
        var deadline = DateTime.UtcNow + FollowTimeout;
        string answer;
        while (!(answer = await sentinel.CliAsync(null, "SENTINEL", "FAILOVER", Master)).StartsWith("OK", StringComparison.Ordinal))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the sentinel did not start a failover: {answer}");
            }
            await Task.Delay(100);
        }
    }

    /// <summary>Waits until the replica holds <paramref name="length"/> items in the list (a bounded real-time poll on an external process).</summary>
    private static async Task WaitForReplicaLengthAsync(RedisProcess replica, int length)
    {
        var deadline = DateTime.UtcNow + FollowTimeout;
        string answer;
        while ((answer = (await replica.CliAsync(Password, "LLEN", "jobs")).Trim()) != length.ToString(CultureInfo.InvariantCulture))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the replica did not receive the list: LLEN answered {answer}");
            }
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task Read_SentinelPromotesTheReplicaAndTheOldPrimaryDies_ReadsTheNewPrimary()
    {
        var processes = new List<RedisProcess>();
        try
        {
            // No 5 s wait for more replicas before a diskless full sync.
            var primary = await RedisProcess.StartAsync(FreeTcpPort.Next(), [$"requirepass {Password}", $"masterauth {Password}", "repl-diskless-sync-delay 0"]);
            processes.Add(primary);
            var replica = await RedisProcess.StartAsync(FreeTcpPort.Next(),
                [$"requirepass {Password}", $"masterauth {Password}", $"replicaof 127.0.0.1 {primary.Port.ToString(CultureInfo.InvariantCulture)}"],
                readyLine: "MASTER <-> REPLICA sync: Finished with success");
            processes.Add(replica);
            var sentinel = await RedisProcess.StartAsync(FreeTcpPort.Next(),
                [$"sentinel monitor {Master} 127.0.0.1 {primary.Port.ToString(CultureInfo.InvariantCulture)} 1", $"sentinel auth-pass {Master} {Password}"],
                sentinel: true, readyLine: "+slave slave");
            processes.Add(sentinel);
            await using (var admin = await ConnectionMultiplexer.ConnectAsync($"{primary.Address},password={Password}"))
            {
                await admin.GetDatabase().ListRightPushAsync("jobs", ["a", "b"]);
            }
            // Replication is asynchronous: a failover before the replica has the two items would promote a replica
            // without them (seen once under load: the new primary held only "c").
            await WaitForReplicaLengthAsync(replica, 2);
            var pool = new RedisConnectionPool();
            await using var scaler = new RedisListScalerFactory(RedisTopology.Sentinel, pool).Create(TestTriggers.For("redis-sentinel",
                TestTriggers.Parse($"addresses={sentinel.Address}|sentinelMaster={Master}|password={Password}|listName=jobs")));
            (await scaler.ReadAsync(CancellationToken.None)).Value.ShouldBe(2);

            await FailoverAsync(sentinel);
            await sentinel.WaitForLogAsync($"+switch-master {Master} 127.0.0.1 {primary.Port.ToString(CultureInfo.InvariantCulture)} 127.0.0.1 {replica.Port.ToString(CultureInfo.InvariantCulture)}");
            await primary.KillAsync();
            await using (var admin = await ConnectionMultiplexer.ConnectAsync($"{replica.Address},password={Password}"))
            {
                await admin.GetDatabase().ListRightPushAsync("jobs", "c");
            }

            // The same trigger, its connection kept: the library follows the sentinel's switch (bounded real-time poll).
            var deadline = DateTime.UtcNow + FollowTimeout;
            double? length = null;
            while (length != 3 && DateTime.UtcNow < deadline)
            {
                try
                {
                    length = (await scaler.ReadAsync(CancellationToken.None)).Value;
                }
                catch (RedisScalerException)
                {
                    // Between the switch and the reconnect, reads fail (and never scale the pool down).
                }
                if (length != 3)
                {
                    await Task.Delay(100);
                }
            }
            length.ShouldBe(3, "the promoted replica is read once the sentinel switched to it");
        }
        finally
        {
            foreach (var process in processes)
            {
                await process.DisposeAsync();
            }
        }
    }
}
