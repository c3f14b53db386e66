using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Crema.Tests.Support;

namespace Crema.Tests.Scalers.Etcd;

/// <summary>
/// One Debian <c>etcd</c> (package etcd-server) on 127.0.0.1 with a free client port, its data in a temporary
/// directory; cleartext, or TLS with <see cref="EtcdTestCertificates"/>. Ready once /health answers (bounded);
/// dispose kills it and deletes the directory. Test data goes in through etcd's JSON gateway (/v3/...), a
/// different path from the scaler's gRPC calls.
/// </summary>
internal sealed class EtcdServer : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);

    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly HttpClient admin;
    private string? adminToken;

    private EtcdServer(Process process, string directory, int port, EtcdTestCertificates? tls)
    {
        this.process = process;
        Directory = directory;
        Port = port;
        Tls = tls;
        var handler = new HttpClientHandler();
        if (tls is not null)
        {
            handler.ServerCertificateCustomValidationCallback = (_, _, _, _) => true;
            handler.ClientCertificates.Add(tls.LoadClientCertificate());
        }
        admin = new HttpClient(handler) { BaseAddress = new Uri($"{(tls is null ? "http" : "https")}://{Address}"), Timeout = TimeSpan.FromSeconds(10) };
    }

    public string Directory { get; }

    public int Port { get; }

    public EtcdTestCertificates? Tls { get; }

    public string Address => $"127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Starts a single-member etcd; with <paramref name="tls"/> it serves only TLS (client certificates optional unless required).</summary>
    public static async Task<EtcdServer> StartAsync(EtcdTestCertificates? tls = null, bool requireClientCertificate = false, int? port = null)
    {
        const string Executable = "/usr/bin/etcd";
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"{Executable} is missing: install it with `apt-get install -y etcd-server`.");
        }
        var directory = System.IO.Directory.CreateTempSubdirectory("crema-etcd-").FullName;
        var clientPort = port ?? FreeTcpPort.Next();
        var peerPort = FreeTcpPort.Next();
        var scheme = tls is null ? "http" : "https";
        var start = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        string[] arguments =
        [
            "--name", "crema-test",
            "--data-dir", Path.Combine(directory, "data"),
            "--listen-client-urls", $"{scheme}://127.0.0.1:{clientPort}",
            "--advertise-client-urls", $"{scheme}://127.0.0.1:{clientPort}",
            "--listen-peer-urls", $"http://127.0.0.1:{peerPort}",
            "--initial-advertise-peer-urls", $"http://127.0.0.1:{peerPort}",
            "--initial-cluster", $"crema-test=http://127.0.0.1:{peerPort}",
            "--log-level", "warn",
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        if (tls is not null)
        {
            foreach (var argument in new[] { "--cert-file", tls.ServerCertificatePath, "--key-file", tls.ServerKeyPath, "--trusted-ca-file", tls.CaPath })
            {
                start.ArgumentList.Add(argument);
            }
            if (requireClientCertificate)
            {
                start.ArgumentList.Add("--client-cert-auth");
            }
        }
        var process = new Process { StartInfo = start };
        var server = new EtcdServer(process, directory, clientPort, tls);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await server.WaitUntilHealthyAsync().ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Stores <paramref name="value"/> under <paramref name="key"/> (the JSON gateway's kv/put).</summary>
    public Task PutAsync(string key, string value) =>
        PostAsync("/v3/kv/put", new { key = Base64(key), value = Base64(value) });

    /// <summary>Deletes <paramref name="key"/>.</summary>
    public Task DeleteAsync(string key) => PostAsync("/v3/kv/deleterange", new { key = Base64(key) });

    /// <summary>Adds <paramref name="user"/> (and root, with the root role), then turns authentication on; admin calls go on as root.</summary>
    public async Task EnableAuthenticationAsync(string rootPassword, string user, string password)
    {
        await PostAsync("/v3/auth/user/add", new { name = "root", password = rootPassword }).ConfigureAwait(false);
        await PostAsync("/v3/auth/user/grant", new { user = "root", role = "root" }).ConfigureAwait(false);
        await PostAsync("/v3/auth/user/add", new { name = user, password }).ConfigureAwait(false);
        await PostAsync("/v3/auth/role/add", new { name = "reader" }).ConfigureAwait(false);
        // Read on every key: key "\0" with range_end "\0" is etcd's "all keys".
        await PostAsync("/v3/auth/role/grant", new { name = "reader", perm = new { permType = "READ", key = Base64("\0"), range_end = Base64("\0") } }).ConfigureAwait(false);
        await PostAsync("/v3/auth/user/grant", new { user, role = "reader" }).ConfigureAwait(false);
        await PostAsync("/v3/auth/enable", new { }).ConfigureAwait(false);
        using var reply = await admin.PostAsJsonAsync("/v3/auth/authenticate", new { name = "root", password = rootPassword }).ConfigureAwait(false);
        var body = await reply.Content.ReadAsStringAsync().ConfigureAwait(false);
        reply.EnsureSuccessStatusCode();
        adminToken = JsonDocument.Parse(body).RootElement.GetProperty("token").GetString();
    }

    /// <summary>The watchers the server holds now (its etcd_debugging_mvcc_watcher_total gauge).</summary>
    public async Task<int> WatcherCountAsync()
    {
        var text = await admin.GetStringAsync("/metrics").ConfigureAwait(false);
        var line = text.Split('\n').Single(l => l.StartsWith("etcd_debugging_mvcc_watcher_total ", StringComparison.Ordinal));
        return (int)double.Parse(line.Split(' ')[1], CultureInfo.InvariantCulture);
    }

    /// <summary>Waits (bounded, real time: the server's own bookkeeping) until it holds <paramref name="count"/> watchers.</summary>
    public async Task WaitForWatchersAsync(int count)
    {
        var deadline = DateTime.UtcNow + ReadyTimeout;
        int now;
        while ((now = await WatcherCountAsync().ConfigureAwait(false)) != count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"etcd holds {now} watchers, not {count}, after {ReadyTimeout}");
            }
            await Task.Delay(20).ConfigureAwait(false);
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

    public string Log()
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync().ConfigureAwait(false);
        process.Dispose();
        admin.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open must not fail the test run; the OS cleans /tmp.
        }
    }

    private async Task PostAsync(string path, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (adminToken is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", adminToken);
        }
        using var reply = await admin.SendAsync(request).ConfigureAwait(false);
        var text = await reply.Content.ReadAsStringAsync().ConfigureAwait(false);
        if (!reply.IsSuccessStatusCode || text.Contains("\"error\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"etcd {path} failed ({(int)reply.StatusCode}): {text}");
        }
    }

    /// <summary>Waits (bounded, real time: an external process) until /health says the member is healthy.</summary>
    private async Task WaitUntilHealthyAsync()
    {
        var deadline = DateTime.UtcNow + ReadyTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"etcd exited with code {process.ExitCode}:\n{Log()}");
            }
            try
            {
                using var reply = await admin.GetAsync("/health").ConfigureAwait(false);
                if ((await reply.Content.ReadAsStringAsync().ConfigureAwait(false)).Contains("\"true\"", StringComparison.Ordinal))
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
        throw new TimeoutException($"etcd was not healthy within {ReadyTimeout}:\n{Log()}");
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

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
