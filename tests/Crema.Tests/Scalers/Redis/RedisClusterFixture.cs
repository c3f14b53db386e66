using System.Globalization;
using Crema.Tests.Support;
using StackExchange.Redis;

namespace Crema.Tests.Scalers.Redis;

/// <summary>
/// A real three-primary Redis Cluster for a test class: three redis-server processes (cluster-enabled, every
/// node's password <see cref="Password"/>), slots split in three with CLUSTER ADDSLOTSRANGE and joined with
/// CLUSTER MEET through redis-cli. A new primary refuses to serve for its first 2 s, so the fixture costs about that.
/// </summary>
public sealed class RedisClusterFixture : IAsyncLifetime
{
    internal const string Password = "cluster-pass-3b7e";

    /// <summary>The slots each node owns, by index.</summary>
    private static readonly (int From, int To)[] Slots = [(0, 5460), (5461, 10921), (10922, 16383)];

    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);

    private readonly List<RedisProcess> nodes = [];
    private ConnectionMultiplexer? admin;

    internal IReadOnlyList<RedisProcess> Nodes => nodes;

    /// <summary>Every node's <c>host:port</c>, comma-separated (the trigger's <c>addresses</c>).</summary>
    internal string Addresses => string.Join(",", nodes.Select(n => n.Address));

    /// <summary>A cluster client for seeding data (it follows MOVED to the owner).</summary>
    internal IDatabase Admin() => admin!.GetDatabase();

    /// <summary>A key (with <paramref name="prefix"/>) whose slot node <paramref name="node"/> owns.</summary>
    internal string KeyOn(int node, string prefix)
    {
        while (true)
        {
            var key = $"{prefix}-{Guid.NewGuid().ToString("N")[..6]}";
            var slot = admin!.HashSlot(key);
            if (slot >= Slots[node].From && slot <= Slots[node].To)
            {
                return key;
            }
        }
    }

    public async Task InitializeAsync()
    {
        // Bus ports are chosen too, as port + 10000 may be taken (or above 65535); MEET is then told them.
        var buses = Slots.Select(_ => FreeTcpPort.Next().ToString(CultureInfo.InvariantCulture)).ToArray();
        var starting = buses.Select(bus => RedisProcess.StartAsync(FreeTcpPort.Next(),
            ["cluster-enabled yes", "cluster-config-file nodes.conf", $"cluster-port {bus}", $"requirepass {Password}", $"masterauth {Password}"])).ToList();
        nodes.AddRange(await RedisProcess.AllStartedAsync(starting));
        for (var i = 0; i < nodes.Count; i++)
        {
            await nodes[i].CliAsync(Password, "CLUSTER", "ADDSLOTSRANGE", Slots[i].From.ToString(CultureInfo.InvariantCulture), Slots[i].To.ToString(CultureInfo.InvariantCulture));
        }
        for (var i = 1; i < nodes.Count; i++)
        {
            await nodes[0].CliAsync(Password, "CLUSTER", "MEET", "127.0.0.1", nodes[i].Port.ToString(CultureInfo.InvariantCulture), buses[i]);
        }
        await WaitUntilServingAsync();
        admin = await ConnectionMultiplexer.ConnectAsync($"{Addresses},password={Password}");
    }

    public async Task DisposeAsync()
    {
        if (admin is not null)
        {
            await admin.DisposeAsync();
        }
        await Task.WhenAll(nodes.Select(n => n.DisposeAsync().AsTask()));
    }

    /// <summary>Bounded real-time poll (external processes) until every node reports cluster_state:ok.</summary>
    private async Task WaitUntilServingAsync()
    {
        var deadline = DateTime.UtcNow + ReadyTimeout;
        while (true)
        {
            var states = await Task.WhenAll(nodes.Select(n => n.CliAsync(Password, "CLUSTER", "INFO")));
            if (states.All(s => s.Contains("cluster_state:ok", StringComparison.Ordinal)))
            {
                return;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the test cluster did not form within {ReadyTimeout}:\n{string.Join("\n", states)}");
            }
            await Task.Delay(50);
        }
    }
}
