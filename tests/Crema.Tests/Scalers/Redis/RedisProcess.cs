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

    private RedisProcess(Process process, string directory, int port, int? tlsPort)
    {
        this.process = process;
        Directory = directory;
        Port = port;
        TlsPort = tlsPort;
    }

    public string Directory { get; }

    /// <summary>The plain TCP port.</summary>
    public int Port { get; }

    /// <summary>The TLS port, when started with one.</summary>
    public int? TlsPort { get; }

    public string Address => $"127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    public string TlsAddress => $"127.0.0.1:{TlsPort?.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>
    /// Starts a server (or a sentinel) listening on <paramref name="port"/> (and TLS on <paramref name="tlsPort"/>)
    /// with the extra config lines; waits until it logs <paramref name="readyLine"/>.
    /// </summary>
    public static async Task<RedisProcess> StartAsync(int port, IEnumerable<string> configLines, bool sentinel = false, int? tlsPort = null, string? readyLine = null)
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
            $"port {portText}",
            $"dir {directory}",
            "save \"\"",
            "appendonly no",
            "daemonize no",
            "loglevel notice",
        };
        if (tlsPort is { } tls)
        {
            lines.Add($"tls-port {tls.ToString(CultureInfo.InvariantCulture)}");
        }
        lines.AddRange(configLines);
        var config = Path.Combine(directory, sentinel ? "sentinel.conf" : "redis.conf");
        await File.WriteAllLinesAsync(config, lines).ConfigureAwait(false);

        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(config);
        var process = new Process { StartInfo = start };
        var server = new RedisProcess(process, directory, port, tlsPort);
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

    /// <summary>Waits for processes started together; if one fails to start, stops the others before rethrowing.</summary>
    public static async Task<RedisProcess[]> AllStartedAsync(IReadOnlyList<Task<RedisProcess>> starting)
    {
        try
        {
            return await Task.WhenAll(starting).ConfigureAwait(false);
        }
        catch
        {
            foreach (var started in starting.Where(t => t.IsCompletedSuccessfully))
            {
                await started.Result.DisposeAsync().ConfigureAwait(false);
            }
            throw;
        }
    }

    /// <summary>Runs one redis-cli command against this server's plain port; returns its output or throws with it.</summary>
    public async Task<string> CliAsync(string? password, params string[] command)
    {
        var start = new ProcessStartInfo("/usr/bin/redis-cli") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-h", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }
        if (password is not null)
        {
            // REDISCLI_AUTH keeps the password off the command line.
            start.Environment["REDISCLI_AUTH"] = password;
        }
        foreach (var argument in command)
        {
            start.ArgumentList.Add(argument);
        }
        using var cli = Process.Start(start) ?? throw new InvalidOperationException("redis-cli did not start");
        using var bound = new CancellationTokenSource(ReadyTimeout);
        var output = cli.StandardOutput.ReadToEndAsync(bound.Token);
        var error = cli.StandardError.ReadToEndAsync(bound.Token);
        await cli.WaitForExitAsync(bound.Token).ConfigureAwait(false);
        var text = await output.ConfigureAwait(false) + await error.ConfigureAwait(false);
        if (cli.ExitCode != 0 || text.StartsWith("ERR", StringComparison.Ordinal) || text.StartsWith("(error)", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"redis-cli {string.Join(' ', command)} failed ({cli.ExitCode}): {text}");
        }
        return text;
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
