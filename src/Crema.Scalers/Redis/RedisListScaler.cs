using Crema.Abstractions;
using StackExchange.Redis;

namespace Crema.Scalers.Redis;

/// <summary>
/// Reads the length of one key per poll with KEDA's script: LLEN for a list (and for a missing key, which reads
/// 0), ZCARD, SCARD or HLEN for a sorted set, set or hash; any other type is an error. In a cluster the
/// command goes to the node that owns the key.
/// </summary>
internal sealed class RedisListScaler(RedisListMetadata metadata, RedisSource source) : IScaler
{
    /// <summary>KEDA's length script (one atomic call, so the type cannot change between TYPE and the count).</summary>
    internal const string LengthScript = """
        local kind = redis.call('TYPE', KEYS[1]).ok
        if kind == 'list' or kind == 'none' then
          return redis.call('LLEN', KEYS[1])
        elseif kind == 'zset' then
          return redis.call('ZCARD', KEYS[1])
        elseif kind == 'set' then
          return redis.call('SCARD', KEYS[1])
        elseif kind == 'hash' then
          return redis.call('HLEN', KEYS[1])
        end
        return redis.error_reply('ERR unsupported key type: ' .. kind)
        """;

    private readonly RedisKey[] keys = [metadata.ListName];

    public async ValueTask<MetricReading> ReadAsync(CancellationToken cancellationToken)
    {
        var length = await source.ReadAsync($"the length of \"{metadata.ListName}\"", async database =>
        {
            var result = await database.ScriptEvaluateAsync(LengthScript, keys).ConfigureAwait(false);
            return (long)result;
        }, cancellationToken).ConfigureAwait(false);
        return metadata.ToReading(length);
    }

    public ValueTask DisposeAsync() => source.DisposeAsync();
}
