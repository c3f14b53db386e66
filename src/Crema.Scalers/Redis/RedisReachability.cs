using System.Net.Sockets;
using StackExchange.Redis;

namespace Crema.Scalers.Redis;

/// <summary>
/// A TCP connect to each endpoint before StackExchange.Redis connects. The library loses a refusal that arrives
/// before it starts waiting for the connection (often, on loopback or a near host) and then waits out its whole
/// connect timeout, even when another seed or sentinel answered at once. So a refused or unresolvable endpoint
/// fails the read at once when it is the only one, and is left out of the connect when others accept.
/// </summary>
internal static class RedisReachability
{
    /// <summary>How long the other endpoints may take once one has accepted.</summary>
    private static readonly TimeSpan Stragglers = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// The endpoints that accepted a connection, in the given order; when none did but some did not answer within
    /// <paramref name="timeout"/>, those (the library then times out on them by itself). Throws
    /// <see cref="RedisConnectionException"/> (UnableToConnect) naming each refusal when every endpoint refused.
    /// </summary>
    public static async Task<IReadOnlyList<RedisEndpoint>> ReachableAsync(IReadOnlyList<RedisEndpoint> endpoints, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var attempts = endpoints.Select(endpoint => TryAsync(endpoint, cancel.Token)).ToArray();
        var pending = attempts.ToList();
        while (pending.Count > 0)
        {
            var done = await Task.WhenAny(pending).ConfigureAwait(false);
            pending.Remove(done);
            if ((await done.ConfigureAwait(false)).Outcome == Outcome.Accepted)
            {
                cancel.CancelAfter(Stragglers);
            }
        }
        var outcomes = await Task.WhenAll(attempts).ConfigureAwait(false);
        var accepted = outcomes.Where(o => o.Outcome == Outcome.Accepted).Select(o => o.Endpoint).ToArray();
        if (accepted.Length > 0)
        {
            return accepted;
        }
        var unanswered = outcomes.Where(o => o.Outcome == Outcome.NoAnswer).Select(o => o.Endpoint).ToArray();
        if (unanswered.Length > 0)
        {
            return unanswered;
        }
        throw new RedisConnectionException(ConnectionFailureType.UnableToConnect, CommandFlags.None,
            string.Join("; ", outcomes.Select(o => o.Refusal)), innerException: null, CommandStatus.Unknown);
    }

    private static async Task<(RedisEndpoint Endpoint, Outcome Outcome, string? Refusal)> TryAsync(RedisEndpoint endpoint, CancellationToken cancellationToken)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(endpoint.DialHost, endpoint.Port, cancellationToken).ConfigureAwait(false);
            return (endpoint, Outcome.Accepted, null);
        }
        catch (OperationCanceledException)
        {
            return (endpoint, Outcome.NoAnswer, null);
        }
        catch (SocketException e)
        {
            return (endpoint, Outcome.Refused, $"{endpoint} {Describe(e.SocketErrorCode)}");
        }
    }

    private static string Describe(SocketError error) => error switch
    {
        SocketError.ConnectionRefused => "refused the connection (is the server running on that port?)",
        SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => "is not a known host name",
        SocketError.HostUnreachable or SocketError.NetworkUnreachable => "is unreachable",
        _ => $"cannot be reached ({error})",
    };

    private enum Outcome
    {
        Accepted,
        Refused,
        NoAnswer,
    }
}
