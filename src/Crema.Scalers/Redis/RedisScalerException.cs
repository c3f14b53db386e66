namespace Crema.Scalers.Redis;

/// <summary>A Redis read that failed; the message names the servers and the user, never a secret.</summary>
internal sealed class RedisScalerException(string message) : Exception(message);
