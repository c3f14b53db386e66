using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Crema.Tests.Support;

namespace Crema.Tests.Scalers.RabbitMq;

/// <summary>
/// A private RabbitMQ node (Debian's rabbitmq-server with the management and SSL-auth plugins; CI installs it):
/// its own node name, Erlang cookie, database and logs in a temporary directory, its own epmd on a free port,
/// and every listener on 127.0.0.1 at a free port: AMQP, AMQPS, the management API over HTTP and HTTPS.
/// Dispose kills the node and its epmd and deletes the directory.
/// </summary>
internal sealed class RabbitMqServer : IAsyncDisposable
{
    private const string Launcher = "/usr/lib/rabbitmq/bin/rabbitmq-server";
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(3);

    private readonly Process epmd;
    private readonly Process node;
    private readonly string directory;
    private readonly StringBuilder output = new();

    private RabbitMqServer(Process epmd, Process node, string directory, RabbitMqPorts ports, RabbitMqTestCertificates certificates)
    {
        this.epmd = epmd;
        this.node = node;
        this.directory = directory;
        Ports = ports;
        Certificates = certificates;
        Management = new RabbitMqManagementClient($"http://127.0.0.1:{ports.Management.ToString(CultureInfo.InvariantCulture)}");
    }

    public RabbitMqPorts Ports { get; }

    public RabbitMqTestCertificates Certificates { get; }

    /// <summary>The management API as the administrator (guest, allowed from loopback only).</summary>
    public RabbitMqManagementClient Management { get; }

    /// <summary>How long the node took to answer its management API after the launch.</summary>
    public TimeSpan StartTime { get; private set; }

    public static async Task<RabbitMqServer> StartAsync()
    {
        if (!File.Exists(Launcher))
        {
            throw new InvalidOperationException($"{Launcher} is missing: install it with `apt-get install -y rabbitmq-server`.");
        }
        var directory = Directory.CreateTempSubdirectory("crema-rabbitmq-").FullName;
        var certificates = RabbitMqTestCertificates.Create();
        var ports = new RabbitMqPorts(FreeTcpPort.Next(), FreeTcpPort.Next(), FreeTcpPort.Next(), FreeTcpPort.Next(), FreeTcpPort.Next(), FreeTcpPort.Next());
        await WriteFilesAsync(directory, ports, certificates);

        // Our own epmd in the foreground, so it ends with the test run rather than outliving it as a daemon.
        var epmd = Start("epmd", ["-port", Text(ports.Epmd), "-address", "127.0.0.1"], new Dictionary<string, string>(), null);
        var node = Start(Launcher, [], Environment(directory, ports), directory);
        var server = new RabbitMqServer(epmd, node, directory, ports, certificates);
        node.OutputDataReceived += (_, e) => server.Append(e.Data);
        node.ErrorDataReceived += (_, e) => server.Append(e.Data);
        node.BeginOutputReadLine();
        node.BeginErrorReadLine();
        try
        {
            var clock = Stopwatch.StartNew();
            await server.WaitUntilReadyAsync();
            server.StartTime = clock.Elapsed;
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Management.Dispose();
        foreach (var process in new[] { node, epmd })
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync();
                }
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
            process.Dispose();
        }
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open must not fail the test run; the OS cleans /tmp.
        }
    }

    /// <summary>The node's console output so far (for failure messages).</summary>
    public string Output()
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private static Dictionary<string, string> Environment(string directory, RabbitMqPorts ports) => new()
    {
        ["HOME"] = directory,
        ["ERL_EPMD_PORT"] = Text(ports.Epmd),
        ["RABBITMQ_NODENAME"] = $"crema-test-{Text(ports.Amqp)}@localhost",
        ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
        ["RABBITMQ_NODE_PORT"] = Text(ports.Amqp),
        ["RABBITMQ_DIST_PORT"] = Text(ports.Distribution),
        ["RABBITMQ_CONFIG_FILE"] = Path.Combine(directory, "rabbitmq.conf"),
        ["RABBITMQ_ADVANCED_CONFIG_FILE"] = Path.Combine(directory, "advanced.config"),
        ["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(directory, "rabbitmq-env.conf"),
        ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(directory, "enabled_plugins"),
        ["RABBITMQ_MNESIA_BASE"] = Path.Combine(directory, "mnesia"),
        ["RABBITMQ_LOG_BASE"] = Path.Combine(directory, "log"),
        ["RABBITMQ_PID_FILE"] = Path.Combine(directory, "rabbitmq.pid"),
    };

    private static async Task WriteFilesAsync(string directory, RabbitMqPorts ports, RabbitMqTestCertificates certificates)
    {
        string File(string name) => Path.Combine(directory, name);
        await System.IO.File.WriteAllTextAsync(File("ca.pem"), certificates.CaPem);
        await System.IO.File.WriteAllTextAsync(File("server.pem"), certificates.ServerCertPem);
        await System.IO.File.WriteAllTextAsync(File("server.key"), certificates.ServerKeyPem);
        await System.IO.File.WriteAllTextAsync(File("rabbitmq-env.conf"), "");
        await System.IO.File.WriteAllTextAsync(File("enabled_plugins"), "[rabbitmq_management,rabbitmq_auth_mechanism_ssl].\n");
        string Tls(string prefix) =>
            $"{prefix}cacertfile = {File("ca.pem")}\n{prefix}certfile = {File("server.pem")}\n{prefix}keyfile = {File("server.key")}\n";
        var config = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"listeners.tcp.default = 127.0.0.1:{Text(ports.Amqp)}\n")
            .Append(CultureInfo.InvariantCulture, $"listeners.ssl.default = 127.0.0.1:{Text(ports.Amqps)}\n")
            .Append(Tls("ssl_options."))
            .Append("ssl_options.verify = verify_peer\nssl_options.fail_if_no_peer_cert = false\n")
            // EXTERNAL lets a client certificate's CN log in (rabbitmq_auth_mechanism_ssl).
            .Append("auth_mechanisms.1 = PLAIN\nauth_mechanisms.2 = AMQPLAIN\nauth_mechanisms.3 = EXTERNAL\nssl_cert_login_from = common_name\n")
            .Append(CultureInfo.InvariantCulture, $"management.tcp.ip = 127.0.0.1\nmanagement.tcp.port = {Text(ports.Management)}\n")
            .Append(CultureInfo.InvariantCulture, $"management.ssl.ip = 127.0.0.1\nmanagement.ssl.port = {Text(ports.ManagementTls)}\n")
            .Append(Tls("management.ssl."))
            // Queue figures reach the management API at this interval (default 5 s).
            .Append("collect_statistics_interval = 500\nlog.file.level = warning\n");
        await System.IO.File.WriteAllTextAsync(File("rabbitmq.conf"), config.ToString());
    }

    private static Process Start(string fileName, IEnumerable<string> arguments, Dictionary<string, string> environment, string? workingDirectory)
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? "",
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        return Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start");
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

    /// <summary>Bounded poll of the management API and the AMQP port: readiness of an external server.</summary>
    private async Task WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow + ReadyTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (node.HasExited)
            {
                throw new InvalidOperationException($"rabbitmq-server exited with code {node.ExitCode}:\n{Output()}");
            }
            if (await Management.IsUpAsync() && await AcceptsAsync(Ports.Amqp) && await AcceptsAsync(Ports.Amqps))
            {
                return;
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"rabbitmq-server was not ready within {ReadyTimeout}:\n{Output()}");
    }

    private static async Task<bool> AcceptsAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
