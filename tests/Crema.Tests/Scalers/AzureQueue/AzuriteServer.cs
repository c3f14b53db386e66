using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Crema.Tests.Support;

namespace Crema.Tests.Scalers.AzureQueue;

/// <summary>
/// Microsoft's Azure Storage emulator (npm azurite, pinned in tests/azurite; scripts/test.sh runs npm ci there), its
/// queue service alone on 127.0.0.1 at a free port with its data in a temporary directory. Dispose kills it and deletes
/// the directory.
/// </summary>
internal sealed class AzuriteServer : IAsyncDisposable
{
    /// <summary>The emulator's well-known development account (published in Azurite's documentation; not a secret).</summary>
    public const string Account = "devstoreaccount1";

    /// <summary>The development account's well-known key.</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);

    private readonly Process process;
    private readonly string directory;
    private readonly StringBuilder output;

    private AzuriteServer(Process process, string directory, int port, StringBuilder output)
    {
        this.process = process;
        this.directory = directory;
        this.output = output;
        Port = port;
    }

    public int Port { get; }

    /// <summary>http://127.0.0.1:PORT/devstoreaccount1: the account's queue endpoint.</summary>
    public string QueueEndpoint => $"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/{Account}";

    /// <summary>A connection string for the development account, with <paramref name="key"/> (default: the right one).</summary>
    public string ConnectionString(string key = AccountKey) =>
        $"DefaultEndpointsProtocol=http;AccountName={Account};AccountKey={key};QueueEndpoint={QueueEndpoint};";

    /// <summary>tests/azurite/node_modules/.bin/azurite-queue in the repository.</summary>
    public static string Executable => Path.Combine(RepositoryRoot.Path, "tests", "azurite", "node_modules", ".bin", "azurite-queue");

    /// <summary>Starts azurite-queue and waits (bounded) until its port accepts connections.</summary>
    public static async Task<AzuriteServer> StartAsync()
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"{Executable} is missing: run `npm ci --prefix tests/azurite` (scripts/test.sh does).");
        }
        var directory = Directory.CreateTempSubdirectory("crema-azurite-").FullName;
        var port = FreeTcpPort.Next();
        var start = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "--queueHost", "127.0.0.1", "--queuePort", port.ToString(CultureInfo.InvariantCulture), "--location", directory, "--skipApiVersionCheck" })
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
        var server = new AzuriteServer(process, directory, port, output);
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

    private async Task WaitUntilReadyAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < ReadyTimeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"azurite-queue exited with {process.ExitCode}:\n{Output()}");
            }
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", Port).ConfigureAwait(false);
                return;
            }
            catch (SocketException)
            {
                // Not listening yet: a bounded readiness poll on an external process, not scaling logic.
                await Task.Delay(100).ConfigureAwait(false);
            }
        }
        throw new TimeoutException($"azurite-queue did not listen on {Port} within {ReadyTimeout.TotalSeconds} s:\n{Output()}");
    }

    private string Output()
    {
        lock (output)
        {
            return output.ToString();
        }
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
}
