using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Crema.Tests.Scalers.NatsJetStream;

/// <summary>
/// Just enough of the NATS client protocol to set up what the tests read: JetStream API requests
/// (create and delete streams and consumers), publishing, and fetching without acknowledging (num_ack_pending).
/// Every wait is bounded.
/// </summary>
internal sealed class NatsTestClient : IAsyncDisposable
{
    private const string Inbox = "_INBOX.crema";
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(10);

    private readonly TcpClient tcp;
    private readonly NetworkStream network;
    private readonly BufferedStream stream;

    private NatsTestClient(TcpClient tcp)
    {
        this.tcp = tcp;
        network = tcp.GetStream();
        // Reads go through the buffer, writes straight to the socket (a BufferedStream cannot interleave them).
        stream = new BufferedStream(network);
    }

    public static async Task<NatsTestClient> ConnectAsync(int port)
    {
        var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", port).ConfigureAwait(false);
        var client = new NatsTestClient(tcp);
        await client.ReadLineAsync().ConfigureAwait(false); // INFO
        await client.WriteAsync($"CONNECT {{\"verbose\":false,\"headers\":true}}\r\nSUB {Inbox} 1\r\nSUB {Inbox}.fetch 2\r\nPING\r\n").ConfigureAwait(false);
        while (await client.ReadLineAsync().ConfigureAwait(false) != "PONG")
        {
        }
        return client;
    }

    /// <summary>Creates a stream on <paramref name="subjects"/> and a durable pull consumer with explicit acks.</summary>
    public async Task CreateStreamAndConsumerAsync(string streamName, string subjects, string consumer)
    {
        await RequestAsync($"$JS.API.STREAM.CREATE.{streamName}", $"{{\"name\":\"{streamName}\",\"subjects\":[\"{subjects}\"]}}").ConfigureAwait(false);
        await RequestAsync(
            $"$JS.API.CONSUMER.DURABLE.CREATE.{streamName}.{consumer}",
            $"{{\"stream_name\":\"{streamName}\",\"config\":{{\"durable_name\":\"{consumer}\",\"ack_policy\":\"explicit\"}}}}").ConfigureAwait(false);
    }

    public Task DeleteStreamAsync(string streamName) => RequestAsync($"$JS.API.STREAM.DELETE.{streamName}", "");

    public Task DeleteConsumerAsync(string streamName, string consumer) => RequestAsync($"$JS.API.CONSUMER.DELETE.{streamName}.{consumer}", "");

    /// <summary>Publishes <paramref name="count"/> messages, each acknowledged by JetStream.</summary>
    public async Task PublishAsync(string subject, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await RequestAsync(subject, $"{{\"n\":{i.ToString(CultureInfo.InvariantCulture)}}}").ConfigureAwait(false);
        }
    }

    /// <summary>Pulls <paramref name="count"/> messages and leaves them unacknowledged.</summary>
    public Task FetchWithoutAckAsync(string streamName, string consumer, int count) => FetchAsync(streamName, consumer, count, ack: false);

    /// <summary>Pulls <paramref name="count"/> messages and acknowledges each, as a worker does.</summary>
    public Task FetchAndAckAsync(string streamName, string consumer, int count) => FetchAsync(streamName, consumer, count, ack: true);

    private async Task FetchAsync(string streamName, string consumer, int count, bool ack)
    {
        var body = $"{{\"batch\":{count.ToString(CultureInfo.InvariantCulture)}}}";
        await WriteAsync($"PUB $JS.API.CONSUMER.MSG.NEXT.{streamName}.{consumer} {Inbox}.fetch {Encoding.UTF8.GetByteCount(body)}\r\n{body}\r\n").ConfigureAwait(false);
        for (var received = 0; received < count;)
        {
            var (sid, reply, _) = await ReadMessageAsync().ConfigureAwait(false);
            if (sid != "2")
            {
                continue;
            }
            received++;
            if (ack)
            {
                await WriteAsync($"PUB {reply} 0\r\n\r\n").ConfigureAwait(false);
            }
        }
        if (ack)
        {
            await WaitUntilAcknowledgedAsync(streamName, consumer).ConfigureAwait(false);
        }
    }

    /// <summary>Acks are fire-and-forget: waits (bounded) until the consumer has processed them, so a read after this sees them.</summary>
    private async Task WaitUntilAcknowledgedAsync(string streamName, string consumer)
    {
        var deadline = DateTime.UtcNow + ReplyTimeout;
        while (true)
        {
            var info = await RequestAsync($"$JS.API.CONSUMER.INFO.{streamName}.{consumer}", "").ConfigureAwait(false);
            if (info.GetProperty("num_ack_pending").GetInt64() == 0)
            {
                return;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"consumer {consumer} still has unacknowledged messages: {info}");
            }
            await Task.Delay(20).ConfigureAwait(false);
        }
    }

    /// <summary>A JetStream API request; throws when the reply carries an error.</summary>
    public async Task<JsonElement> RequestAsync(string subject, string json)
    {
        var length = Encoding.UTF8.GetByteCount(json);
        await WriteAsync($"PUB {subject} {Inbox} {length.ToString(CultureInfo.InvariantCulture)}\r\n{json}\r\n").ConfigureAwait(false);
        while (true)
        {
            var (sid, _, payload) = await ReadMessageAsync().ConfigureAwait(false);
            if (sid != "1")
            {
                continue;
            }
            using var reply = JsonDocument.Parse(payload);
            if (reply.RootElement.TryGetProperty("error", out var error))
            {
                throw new InvalidOperationException($"{subject}: {error}");
            }
            return reply.RootElement.Clone();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stream.DisposeAsync().ConfigureAwait(false);
        tcp.Dispose();
    }

    private async Task<(string Sid, string? Reply, string Payload)> ReadMessageAsync()
    {
        while (true)
        {
            var line = await ReadLineAsync().ConfigureAwait(false);
            if (line == "PING")
            {
                await WriteAsync("PONG\r\n").ConfigureAwait(false);
                continue;
            }
            if (line.StartsWith("-ERR", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"nats-server: {line}");
            }
            if (!line.StartsWith("MSG ", StringComparison.Ordinal) && !line.StartsWith("HMSG ", StringComparison.Ordinal))
            {
                continue;
            }
            var parts = line.Split(' ');
            var total = int.Parse(parts[^1], CultureInfo.InvariantCulture);
            var headers = line.StartsWith('H') ? int.Parse(parts[^2], CultureInfo.InvariantCulture) : 0;
            var bytes = new byte[total + 2];
            using var timeout = new CancellationTokenSource(ReplyTimeout);
            await stream.ReadExactlyAsync(bytes, timeout.Token).ConfigureAwait(false);
            // MSG <subject> <sid> [reply] <bytes>; HMSG <subject> <sid> [reply] <header bytes> <total bytes>.
            var reply = parts.Length - (line.StartsWith('H') ? 1 : 0) == 5 ? parts[3] : null;
            return (parts[2], reply, Encoding.UTF8.GetString(bytes, headers, total - headers));
        }
    }

    private async Task<string> ReadLineAsync()
    {
        using var timeout = new CancellationTokenSource(ReplyTimeout);
        var line = new StringBuilder();
        var one = new byte[1];
        while (true)
        {
            await stream.ReadExactlyAsync(one, timeout.Token).ConfigureAwait(false);
            if (one[0] == '\n')
            {
                return line.ToString().TrimEnd('\r');
            }
            line.Append((char)one[0]);
        }
    }

    private async Task WriteAsync(string text)
    {
        await network.WriteAsync(Encoding.UTF8.GetBytes(text)).ConfigureAwait(false);
    }
}
