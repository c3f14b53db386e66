using System.Net.Sockets;
using StackExchange.Redis;

namespace Crema.Scalers.Redis;

/// <summary>
/// A TCP connect to each endpoint before StackExchange.Redis connects. The library loses a refusal that arrives
/// before it starts waiting for the connection (on loopback or a near host, often) and then waits out its
/// whole connect timeout; a refused or unresolvable endpoint must fail the read at once, as it does
/// in KEDA's client.
/// </summary>
internal static class RedisReachability
{
    /// <summary>
    /// Returns once any endpoint accepts a connection, or when none answered within <paramref name="timeout"/> (the
    /// library then times out by itself); throws <see cref="RedisConnectionException"/> (UnableToConnect) naming
    /// each endpoint's refusal when every one of them refused or could not be resolved.
    /// </summary>
    public static async Task EnsureAnyAcceptsAsync(IReadOnlyList<RedisEndpoint> endpoints, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var attempts = endpoints.Select(endpoint => TryAsync(endpoint, cancel.Token)).ToList();
        var refusals = new List<string>();
        while (attempts.Count > 0)
        {
            var done = await Task.WhenAny(attempts).ConfigureAwait(false);
            attempts.Remove(done);
            if (await done.ConfigureAwait(false) is not { } refusal)
            {
                await cancel.CancelAsync().ConfigureAwait(false);
                return;
            }
            refusals.Add(refusal);
        }
        throw new RedisConnectionException(ConnectionFailureType.UnableToConnect, CommandFlags.None, string.Join("; ", refusals), innerException: null, CommandStatus.Unknown);
    }

    /// <summary>Null when the endpoint accepted (or did not answer in time), else why it cannot be reached.</summary>
    private static async Task<string?> TryAsync(RedisEndpoint endpoint, CancellationToken cancellationToken)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(endpoint.DialHost, endpoint.Port, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
        catch (SocketException e)
        {
            return $"{endpoint} {Describe(e.SocketErrorCode)}";
        }
    }

    private static string Describe(SocketError error) => error switch
    {
        SocketError.ConnectionRefused => "refused the connection (is the server running on that port?)",
        SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => "is not a known host name",
        SocketError.HostUnreachable or SocketError.NetworkUnreachable => "is unreachable",
        _ => $"cannot be reached ({error})",
    };
}
