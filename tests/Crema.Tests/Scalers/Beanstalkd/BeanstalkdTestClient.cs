using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Crema.Tests.Scalers.Beanstalkd;

/// <summary>Just enough of the beanstalkd protocol to set up jobs in each state: put (now or delayed), reserve, bury, delete. Every wait is bounded.</summary>
internal sealed class BeanstalkdTestClient : IAsyncDisposable
{
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(10);

    private readonly TcpClient tcp;
    private readonly NetworkStream stream;

    private BeanstalkdTestClient(TcpClient tcp)
    {
        this.tcp = tcp;
        stream = tcp.GetStream();
    }

    public static async Task<BeanstalkdTestClient> ConnectAsync(int port)
    {
        var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", port).ConfigureAwait(false);
        return new BeanstalkdTestClient(tcp);
    }

    /// <summary>Puts <paramref name="count"/> jobs on <paramref name="tube"/>, delayed by <paramref name="delaySeconds"/>.</summary>
    public async Task PutAsync(string tube, int count, int delaySeconds = 0)
    {
        await ExpectAsync($"use {tube}\r\n", "USING").ConfigureAwait(false);
        for (var i = 0; i < count; i++)
        {
            await ExpectAsync($"put 100 {delaySeconds.ToString(CultureInfo.InvariantCulture)} 600 3\r\njob\r\n", "INSERTED").ConfigureAwait(false);
        }
    }

    /// <summary>Reserves <paramref name="count"/> jobs of <paramref name="tube"/>; returns their ids.</summary>
    public async Task<IReadOnlyList<string>> ReserveAsync(string tube, int count)
    {
        await ExpectAsync($"watch {tube}\r\n", "WATCHING").ConfigureAwait(false);
        await ExpectAsync("ignore default\r\n", "").ConfigureAwait(false);
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var line = await ExpectAsync("reserve-with-timeout 0\r\n", "RESERVED").ConfigureAwait(false);
            var parts = line.Split(' ');
            await ReadExactlyAsync(int.Parse(parts[2], CultureInfo.InvariantCulture) + 2).ConfigureAwait(false);
            ids.Add(parts[1]);
        }
        return ids;
    }

    public Task BuryAsync(string id) => ExpectAsync($"bury {id} 100\r\n", "BURIED");

    public Task DeleteAsync(string id) => ExpectAsync($"delete {id}\r\n", "DELETED");

    public async ValueTask DisposeAsync()
    {
        await stream.DisposeAsync().ConfigureAwait(false);
        tcp.Dispose();
    }

    private async Task<string> ExpectAsync(string command, string reply)
    {
        await stream.WriteAsync(Encoding.ASCII.GetBytes(command)).ConfigureAwait(false);
        var line = await ReadLineAsync().ConfigureAwait(false);
        return line.StartsWith(reply, StringComparison.Ordinal) ? line : throw new InvalidOperationException($"beanstalkd: {command.Trim()} -> {line}");
    }

    private async Task<string> ReadLineAsync()
    {
        var line = new StringBuilder();
        var one = new byte[1];
        using var timeout = new CancellationTokenSource(ReplyTimeout);
        while (!line.ToString().EndsWith("\r\n", StringComparison.Ordinal))
        {
            await stream.ReadExactlyAsync(one, timeout.Token).ConfigureAwait(false);
            line.Append((char)one[0]);
        }
        return line.ToString()[..^2];
    }

    private async Task ReadExactlyAsync(int count)
    {
        using var timeout = new CancellationTokenSource(ReplyTimeout);
        await stream.ReadExactlyAsync(new byte[count], timeout.Token).ConfigureAwait(false);
    }
}
