using Crema.Abstractions;
using StackExchange.Redis;

namespace Crema.Scalers.Redis;

/// <summary>
/// Reads one stream count per poll: XPENDING's total for the group, XLEN (a missing stream reads 0), or the
/// group's lag from XINFO GROUPS on Redis 7+ (a missing stream reads 0; a group not yet created reads the
/// stream's length, the lag it will have once created; a lag Redis cannot determine reads the length too).
/// </summary>
internal sealed class RedisStreamsScaler(RedisStreamsMetadata metadata, RedisSource source) : IScaler
{
    /// <summary>The note on a reading whose lag Redis could not determine.</summary>
    internal const string UnknownLagNote = "Redis cannot determine the group's lag (entries were deleted ahead of it); using the stream length";

    public async ValueTask<MetricReading> ReadAsync(CancellationToken cancellationToken) => metadata.Mode switch
    {
        RedisStreamsMode.PendingEntries => metadata.ToReading(await PendingAsync(cancellationToken).ConfigureAwait(false)),
        RedisStreamsMode.StreamLength => metadata.ToReading(await LengthAsync(cancellationToken).ConfigureAwait(false)),
        _ => await LagAsync(cancellationToken).ConfigureAwait(false),
    };

    public ValueTask DisposeAsync() => source.DisposeAsync();

    private async Task<long> PendingAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await source.ReadAsync($"XPENDING of stream \"{metadata.Stream}\"", async database =>
                (await database.StreamPendingAsync(metadata.Stream, metadata.ConsumerGroup).ConfigureAwait(false)).PendingMessageCount,
                cancellationToken).ConfigureAwait(false);
        }
        catch (RedisScalerException e) when (e.Message.Contains("NOGROUP", StringComparison.Ordinal))
        {
            throw source.Failure($"stream \"{metadata.Stream}\" or its consumer group \"{metadata.ConsumerGroup}\" does not exist (XPENDING: NOGROUP); create the group with XGROUP CREATE (MKSTREAM creates the stream too)");
        }
    }

    private Task<long> LengthAsync(CancellationToken cancellationToken) =>
        source.ReadAsync($"XLEN of stream \"{metadata.Stream}\"", database => database.StreamLengthAsync(metadata.Stream), cancellationToken);

    private async Task<MetricReading> LagAsync(CancellationToken cancellationToken)
    {
        // The version each server reported when connecting (INFO is an admin command for the client library).
        var version = await source.ReadAsync("the server version", database => Task.FromResult(
            database.Multiplexer.GetServers().Where(s => s.IsConnected && !s.IsReplica).Select(s => (int?)s.Version.Major).Min()),
            cancellationToken).ConfigureAwait(false)
            ?? throw source.Failure("could not find the Redis version (needed for lagCount)");
        if (version < 7)
        {
            throw source.Failure($"lagCount needs Redis 7 or newer (XINFO GROUPS lag); the server runs Redis {version}");
        }

        var groups = await source.ReadAsync($"XINFO GROUPS of stream \"{metadata.Stream}\"", async database =>
        {
            try
            {
                return await database.StreamGroupInfoAsync(metadata.Stream).ConfigureAwait(false);
            }
            catch (RedisServerException e) when (e.Message.StartsWith("ERR no such key", StringComparison.Ordinal))
            {
                return null; // the stream does not exist yet: nothing to consume (KEDA reads lag 0)
            }
        }, cancellationToken).ConfigureAwait(false);
        if (groups is null)
        {
            return metadata.ToReading(0);
        }

        var group = groups.FirstOrDefault(g => g.Name == metadata.ConsumerGroup);
        if (group.Name is not null && group.Lag is { } lag)
        {
            return metadata.ToReading(lag);
        }
        // The group is not created yet (its consumers start from zero replicas), or Redis cannot count its lag:
        // every entry of the stream may be waiting, so count them all rather than read 0.
        var length = await LengthAsync(cancellationToken).ConfigureAwait(false);
        return group.Name is null ? metadata.ToReading(length) : metadata.ToReading(length) with { Note = UnknownLagNote };
    }
}
