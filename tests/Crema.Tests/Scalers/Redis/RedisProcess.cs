using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Crema.Tests.Scalers.Redis;

/// <summary>
/// One Debian <c>redis-server</c> or <c>redis-sentinel</c> (CI installs both) on 127.0.0.1, with its config and
/// data in a temporary directory. Ready once its log says so (bounded); dispose kills it and deletes the directory.
/// </summary>
internal sealed class RedisProcess : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);

    private readonly Process process;
    private readonly StringBuilder output = new();

    private RedisProcess(Process process, string directory, int port)
    {
        this.process = process;
        Directory = directory;
        Port = port;
    }

    public string Directory { get; }

    public int Port { get; }

    public string Address => $"127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>
    /// Starts a server (or a sentinel) listening on <paramref name="port"/> (plain, or TLS when <paramref name="tls"/>)
    /// with the extra config lines; waits until it logs <paramref name="readyLine"/>.
    /// </summary>
    public static async Task<RedisProcess> StartAsync(int port, IEnumerable<string> configLines, bool sentinel = false, bool tls = false, string? readyLine = null)
    {
        var executable = sentinel ? "/usr/bin/redis-sentinel" : "/usr/bin/redis-server";
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"{executable} is missing: install it with `apt-get install -y redis-server redis-sentinel`.");
        }
        var directory = System.IO.Directory.CreateTempSubdirectory("crema-redis-").FullName;
        var portText = port.ToString(CultureInfo.InvariantCulture);
        var lines = new List<string>
        {
            "bind 127.0.0.1",
            tls ? "port 0" : $"port {portText}",
            $"dir {directory}",
            "save \"\"",
            "appendonly no",
            "daemonize no",
            "loglevel notice",
        };
        if (tls)
        {
            lines.Add($"tls-port {portText}");
        }
        lines.AddRange(configLines);
        var config = Path.Combine(directory, sentinel ? "sentinel.conf" : "redis.conf");
        await File.WriteAllLinesAsync(config, lines).ConfigureAwait(false);

        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(config);
        var process = new Process { StartInfo = start };
        var server = new RedisProcess(process, directory, port);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await server.WaitForLogAsync(readyLine ?? (sentinel ? "+monitor master" : "Ready to accept connections")).ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Waits (bounded, real time: an external process) until the log holds <paramref name="text"/>.</summary>
    public async Task WaitForLogAsync(string text)
    {
        var deadline = DateTime.UtcNow + ReadyTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (Log().Contains(text, StringComparison.Ordinal))
            {
                return;
            }
            if (process.HasExited)
            {
                throw new InvalidOperationException($"redis exited with code {process.ExitCode}:\n{Log()}");
            }
            await Task.Delay(20).ConfigureAwait(false);
        }
        throw new TimeoutException($"redis did not log \"{text}\" within {ReadyTimeout}:\n{Log()}");
    }

    public string Log()
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    /// <summary>Kills the process (a server going down) without deleting its directory.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync().ConfigureAwait(false);
        process.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open must not fail the test run; the OS cleans /tmp.
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }
}
