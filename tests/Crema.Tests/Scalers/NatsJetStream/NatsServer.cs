using System.Diagnostics;
using System.Globalization;
using System.Text;
using Crema.Tests.Support;

namespace Crema.Tests.Scalers.NatsJetStream;

/// <summary>
/// A real nats-server with JetStream (Debian's nats-server; scripts/test-packages.txt) on 127.0.0.1 at free
/// client and monitoring ports, storing in a temporary directory. Dispose kills it and deletes the directory.
/// </summary>
internal sealed class NatsServer : IAsyncDisposable
{
    private const string Executable = "/usr/sbin/nats-server";
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);

    private readonly Process process;
    private readonly string directory;
    private readonly StringBuilder output = new();

    private NatsServer(Process process, string directory, int clientPort, int monitoringPort)
    {
        this.process = process;
        this.directory = directory;
        ClientPort = clientPort;
        MonitoringPort = monitoringPort;
    }

    /// <summary>The client (NATS protocol) port.</summary>
    public int ClientPort { get; }

    /// <summary>The monitoring (HTTP) port.</summary>
    public int MonitoringPort { get; }

    /// <summary>127.0.0.1:port of the monitoring endpoint, as natsServerMonitoringEndpoint takes it.</summary>
    public string MonitoringEndpoint => $"127.0.0.1:{MonitoringPort.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Starts the server and waits (bounded) until /healthz answers 200.</summary>
    public static async Task<NatsServer> StartAsync()
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"{Executable} is missing: install it with `apt-get install -y nats-server`.");
        }
        var directory = Directory.CreateTempSubdirectory("crema-nats-").FullName;
        var clientPort = FreeTcpPort.Next();
        var monitoringPort = FreeTcpPort.Next();
        var start = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[]
        {
            "-js", "-a", "127.0.0.1", "-p", clientPort.ToString(CultureInfo.InvariantCulture),
            "-m", monitoringPort.ToString(CultureInfo.InvariantCulture), "-sd", directory,
        })
        {
            start.ArgumentList.Add(argument);
        }
        var process = new Process { StartInfo = start };
        var server = new NatsServer(process, directory, clientPort, monitoringPort);
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

    /// <summary>A protocol client for setting up streams and messages.</summary>
    public Task<NatsTestClient> ConnectAsync() => NatsTestClient.ConnectAsync(ClientPort);

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync().ConfigureAwait(false);
        }
        process.Dispose();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open must not fail the test run; the OS cleans /tmp.
        }
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
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + ReadyTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"nats-server exited with code {process.ExitCode}:\n{Output()}");
            }
            try
            {
                using var response = await client.GetAsync(new Uri($"http://{MonitoringEndpoint}/healthz")).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(50).ConfigureAwait(false);
        }
        throw new TimeoutException($"nats-server was not ready within {ReadyTimeout}:\n{Output()}");
    }

    private string Output()
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
