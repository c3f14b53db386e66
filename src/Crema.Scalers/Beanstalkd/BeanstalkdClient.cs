using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Crema.Abstractions;

namespace Crema.Scalers.Beanstalkd;

/// <summary>
/// The one beanstalkd command the scaler needs, <c>stats-tube &lt;tube&gt;\r\n</c>, over a fresh TCP connection
/// (no .NET beanstalkd client is served, and one command does not need one). The whole exchange is bounded
/// by the timeout on the injected clock, and what is read is capped: a status line of at most
/// <see cref="MaxLineBytes"/>, a body of at most <see cref="MaxBodyBytes"/>.
/// </summary>
internal static class BeanstalkdClient
{
    /// <summary>Longest status line read ("OK 1234" or an error name).</summary>
    public const int MaxLineBytes = 256;

    /// <summary>Largest stats-tube body read; beanstalkd 1.12 sends about 400 bytes.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>The tube's counts; <see cref="BeanstalkdTubeStats.NotFound"/> for NOT_FOUND (KEDA reads it as 0).</summary>
    public static async Task<BeanstalkdTubeStats> StatsTubeAsync(BeanstalkdMetadata metadata, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(metadata.Timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var token = linked.Token;
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(metadata.Host, metadata.Port, token).ConfigureAwait(false);
            await using var stream = new NetworkStream(socket, ownsSocket: false);
            return await ExchangeAsync(stream, metadata, token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"beanstalkd at {metadata.Where}: no answer to stats-tube within {metadata.Timeout.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)}ms");
        }
        catch (SocketException e)
        {
            throw new BeanstalkdException($"beanstalkd at {metadata.Where}: {Describe(e)}", e);
        }
        catch (IOException e)
        {
            throw new BeanstalkdException($"beanstalkd at {metadata.Where}: the connection failed ({UntrustedText.Escape(e.Message)})", e);
        }
        catch (BeanstalkdException e) when (!e.Message.StartsWith("beanstalkd at ", StringComparison.Ordinal))
        {
            throw new BeanstalkdException($"beanstalkd at {metadata.Where}: {e.Message}", e);
        }
    }

    /// <summary>
    /// Sends stats-tube on <paramref name="stream"/> and reads its reply; throws <see cref="BeanstalkdException"/> for
    /// any reply that is not NOT_FOUND or <c>OK &lt;bytes&gt;</c> with a body of counts.
    /// </summary>
    internal static async Task<BeanstalkdTubeStats> ExchangeAsync(Stream stream, BeanstalkdMetadata metadata, CancellationToken token)
    {
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"stats-tube {metadata.Tube}\r\n"), token).ConfigureAwait(false);
        var reader = new BeanstalkdReader(stream);
        var status = await reader.ReadLineAsync(MaxLineBytes, token).ConfigureAwait(false);
        if (status == "NOT_FOUND")
        {
            return BeanstalkdTubeStats.NotFound;
        }
        if (!status.StartsWith("OK ", StringComparison.Ordinal)
            || !int.TryParse(status.AsSpan(3), NumberStyles.None, CultureInfo.InvariantCulture, out var length))
        {
            throw new BeanstalkdException($"beanstalkd at {metadata.Where} answered stats-tube with \"{Shown(status)}\"{Hint(status)}");
        }
        if (length > MaxBodyBytes)
        {
            throw new BeanstalkdException($"beanstalkd at {metadata.Where}: the stats-tube reply announces {length} bytes, more than the {MaxBodyBytes} read");
        }
        var body = await reader.ReadBodyAsync(length, token).ConfigureAwait(false);
        return BeanstalkdStatsParser.Parse(body);
    }

    private static string Describe(SocketException e) => e.SocketErrorCode switch
    {
        SocketError.ConnectionRefused => "connection refused (is beanstalkd listening there?)",
        SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => "the host name does not resolve",
        SocketError.TimedOut => "the connection timed out",
        _ => UntrustedText.Escape(e.Message),
    };

    // The server's own error names (doc/protocol.txt); anything else suggests another protocol on that port.
    private static string Hint(string status) => status switch
    {
        "OUT_OF_MEMORY" or "INTERNAL_ERROR" or "BAD_FORMAT" or "UNKNOWN_COMMAND" => "",
        _ => " (is it a beanstalkd port?)",
    };

    private static string Shown(string text) => UntrustedText.Escape(text.Length <= 80 ? text : text[..80] + "…");
}
