using StackExchange.Redis;

namespace Crema.Scalers.Redis;

/// <summary>A failure to connect to the sentinels themselves (not to the primary they name).</summary>
internal sealed class RedisSentinelException(RedisConnectionException inner) : Exception(inner.Message, inner)
{
    public RedisConnectionException Connection { get; } = inner;
}
