using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Crema.Tests.Support;

/// <summary>
/// A real Prometheus (Debian's /usr/bin/prometheus; CI installs it with <c>apt-get install -y prometheus</c>)
/// on 127.0.0.1 at a free port, with its own config and TSDB in a temporary directory. Optionally
/// scrapes given targets every second. Dispose kills it and deletes the directory.
/// </summary>
internal sealed class PrometheusServer : IAsyncDisposable
{
    private const string Executable = "/usr/bin/prometheus";
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);

    private readonly Process process;
    private readonly string directory;
    private readonly StringBuilder output;

    private PrometheusServer(Process process, string directory, string baseAddress, StringBuilder output)
    {
        this.process = process;
        this.directory = directory;
        this.output = output;
        BaseAddress = baseAddress;
    }

    /// <summary>For example http://127.0.0.1:41234 (no trailing slash).</summary>
    public string BaseAddress { get; }

    /// <summary>Starts Prometheus and waits (bounded) until /-/ready answers 200.</summary>
    /// <param name="scrapeTargets">host:port targets scraped at /metrics every second.</param>
    public static async Task<PrometheusServer> StartAsync(IReadOnlyList<string>? scrapeTargets = null)
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"{Executable} is missing: install it with `apt-get install -y prometheus`.");
        }
        var directory = Directory.CreateTempSubdirectory("crema-prometheus-").FullName;
        var config = Path.Combine(directory, "prometheus.yml");
        await File.WriteAllTextAsync(config, Config(scrapeTargets ?? [])).ConfigureAwait(false);
        var port = FreeTcpPort.Next();
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            $"--config.file={config}",
            $"--storage.tsdb.path={Path.Combine(directory, "data")}",
            $"--web.listen-address=127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}",
        })
        {
            start.ArgumentList.Add(argument);
        }
        var output = new StringBuilder();
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new PrometheusServer(process, directory, $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}", output);
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

    private static string Config(IReadOnlyList<string> scrapeTargets)
    {
        var yaml = new StringBuilder("global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n");
        if (scrapeTargets.Count == 0)
        {
            return yaml.Append("scrape_configs: []\n").ToString();
        }
        yaml.Append("scrape_configs:\n  - job_name: test\n    static_configs:\n      - targets: [");
        yaml.AppendJoin(", ", scrapeTargets.Select(t => $"'{t}'"));
        return yaml.Append("]\n").ToString();
    }

    private static void Append(StringBuilder output, string? line)
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
                throw new InvalidOperationException($"prometheus exited with code {process.ExitCode}:\n{Output()}");
            }
            try
            {
                using var response = await client.GetAsync(new Uri(BaseAddress + "/-/ready")).ConfigureAwait(false);
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
        throw new TimeoutException($"prometheus was not ready within {ReadyTimeout}:\n{Output()}");
    }

    private string Output()
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
