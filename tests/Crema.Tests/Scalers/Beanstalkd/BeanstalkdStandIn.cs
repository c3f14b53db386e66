using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Crema.Tests.Scalers.Beanstalkd;

/// <summary>
/// A loopback TCP stand-in for beanstalkd (as KEDA's createTestServer): records the command line of each
/// connection and answers with <see cref="Reply"/>, or never answers when it is null.
/// </summary>
internal sealed class BeanstalkdStandIn : IAsyncDisposable
{
    private readonly TcpListener listener;
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    private BeanstalkdStandIn(TcpListener listener)
    {
        this.listener = listener;
        loop = Task.Run(AcceptAsync);
    }

    /// <summary>The bytes sent after the command line is read; null to stay silent. Default: a NOT_FOUND line.</summary>
    public byte[]? Reply { get; set; } = Encoding.ASCII.GetBytes("NOT_FOUND\r\n");

    /// <summary>Each connection's first line, as received (with its CRLF).</summary>
    public ConcurrentQueue<string> Commands { get; } = new();

    /// <summary>Set when a command line has arrived.</summary>
    public TaskCompletionSource Received { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Address => $"127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture)}";

    public static BeanstalkdStandIn Start()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return new BeanstalkdStandIn(listener);
    }

    /// <summary>An "OK n" reply carrying <paramref name="body"/>, as beanstalkd frames stats.</summary>
    public static byte[] Ok(string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        return [.. Encoding.ASCII.GetBytes($"OK {bytes.Length.ToString(CultureInfo.InvariantCulture)}\r\n"), .. bytes, (byte)'\r', (byte)'\n'];
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await loop.ContinueWith(_ => { }, TaskScheduler.Default);
        stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var line = new StringBuilder();
                var one = new byte[1];
                while (!line.ToString().EndsWith("\r\n", StringComparison.Ordinal))
                {
                    await stream.ReadExactlyAsync(one, stop.Token);
                    line.Append((char)one[0]);
                }
                Commands.Enqueue(line.ToString());
                Received.TrySetResult();
                if (Reply is { } reply)
                {
                    await stream.WriteAsync(reply, stop.Token);
                    return;
                }
                await Task.Delay(Timeout.Infinite, stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or EndOfStreamException)
            {
                // The scaler hung up or the test ended.
            }
        }
    }
}
