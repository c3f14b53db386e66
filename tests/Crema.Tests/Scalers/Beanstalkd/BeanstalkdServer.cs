using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Crema.Tests.Support;

namespace Crema.Tests.Scalers.Beanstalkd;

/// <summary>
/// A real beanstalkd (Debian's beanstalkd; scripts/test-packages.txt) on 127.0.0.1 at a free port, in memory
/// (no binlog). Dispose kills it.
/// </summary>
internal sealed class BeanstalkdServer : IAsyncDisposable
{
    private const string Executable = "/usr/bin/beanstalkd";
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);

    private readonly Process process;
    private readonly StringBuilder output = new();

    private BeanstalkdServer(Process process, int port)
    {
        this.process = process;
        Port = port;
    }

    public int Port { get; }

    /// <summary>127.0.0.1:port, as the server key takes it.</summary>
    public string Address => $"127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Starts beanstalkd and waits (bounded) until it accepts a connection.</summary>
    public static async Task<BeanstalkdServer> StartAsync()
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"{Executable} is missing: install it with `apt-get install -y beanstalkd`.");
        }
        var port = FreeTcpPort.Next();
        var start = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-l", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }
        var process = new Process { StartInfo = start };
        var server = new BeanstalkdServer(process, port);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await server.WaitUntilReadyAsync().ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>A protocol client for putting and reserving jobs.</summary>
    public Task<BeanstalkdTestClient> ConnectAsync() => BeanstalkdTestClient.ConnectAsync(Port);

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync().ConfigureAwait(false);
        }
        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow + ReadyTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                lock (output)
                {
                    throw new InvalidOperationException($"beanstalkd exited with code {process.ExitCode}:\n{output}");
                }
            }
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", Port).ConfigureAwait(false);
                return;
            }
            catch (SocketException)
            {
                // Not listening yet.
            }
            await Task.Delay(50).ConfigureAwait(false);
        }
        throw new TimeoutException($"beanstalkd was not ready within {ReadyTimeout}");
    }
}
