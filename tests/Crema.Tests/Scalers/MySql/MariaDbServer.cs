using System.Diagnostics;
using System.Globalization;
using System.Text;
using Crema.Tests.Scalers.Sql;
using Crema.Tests.Support;
using MySqlConnector;

namespace Crema.Tests.Scalers.MySql;

/// <summary>
/// A private MariaDB server (Debian's mariadb-server; CI installs it) made by mariadb-install-db in a temporary
/// directory and run in the foreground on 127.0.0.1 at a free port, with TLS from a test CA and its Unix socket in the
/// same directory. As root it runs as the mysql account. Seeding goes through the socket as the database's root
/// (no password). Dispose kills it and deletes the directory.
/// </summary>
internal sealed class MariaDbServer : IAsyncDisposable
{
    private const string Account = "mysql";
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);

    private readonly Process process;
    private readonly StringBuilder output = new();

    private MariaDbServer(Process process, string directory, int port)
    {
        this.process = process;
        Directory = directory;
        Port = port;
    }

    public string Directory { get; }

    public int Port { get; }

    public string PortText => Port.ToString(CultureInfo.InvariantCulture);

    public string SocketPath => Path.Combine(Directory, "mysqld.sock");

    public static async Task<MariaDbServer> StartAsync()
    {
        const string Daemon = "/usr/sbin/mariadbd";
        if (!File.Exists(Daemon))
        {
            throw new InvalidOperationException($"{Daemon} is missing: install it with `apt-get install -y mariadb-server`.");
        }
        var directory = System.IO.Directory.CreateTempSubdirectory("crema-mariadb-").FullName;
        var certificates = SqlTestCertificates.Create("Crema MariaDB Test CA");
        await File.WriteAllTextAsync(Path.Combine(directory, "server.crt"), certificates.ServerCertificatePem);
        await File.WriteAllTextAsync(Path.Combine(directory, "server.key"), certificates.ServerKeyPem);
        certificates.WriteCa(Path.Combine(directory, "ca.pem"));
        await ServerAccount.GiveAsync(Account, directory);
        var data = Path.Combine(directory, "data");
        await ServerAccount.RunAsync(Account, "/usr/bin/mariadb-install-db",
            ["--no-defaults", $"--datadir={data}", "--auth-root-authentication-method=normal", "--skip-test-db", "--skip-name-resolve"], directory);

        var port = FreeTcpPort.Next();
        var process = new Process
        {
            StartInfo = ServerAccount.StartInfo(Account, Daemon,
            [
                "--no-defaults", $"--datadir={data}", $"--socket={Path.Combine(directory, "mysqld.sock")}", $"--port={port.ToString(CultureInfo.InvariantCulture)}",
                "--bind-address=127.0.0.1", "--skip-name-resolve", $"--pid-file={Path.Combine(directory, "mariadbd.pid")}",
                "--innodb-buffer-pool-size=16M", "--skip-log-bin", "--max-connections=40",
                $"--ssl-cert={Path.Combine(directory, "server.crt")}", $"--ssl-key={Path.Combine(directory, "server.key")}", $"--ssl-ca={Path.Combine(directory, "ca.pem")}",
            ]),
        };
        var server = new MariaDbServer(process, directory, port);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await server.WaitUntilReadyAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs statements as the database's root over the socket.</summary>
    public async Task ExecuteAsync(string sql, string database = "")
    {
        var builder = new MySqlConnectionStringBuilder
        {
            Server = SocketPath,
            ConnectionProtocol = MySqlConnectionProtocol.UnixSocket,
            UserID = "root",
            Database = database,
            Pooling = false,
            AllowUserVariables = true,
        };
        await using var connection = new MySqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
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
        if (!process.HasExited)
        {
            // A throwaway datadir needs no clean shutdown.
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
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

    /// <summary>Waits (bounded, real time: an external process) until the server accepts connections on its socket.</summary>
    private async Task WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow + ReadyTimeout;
        Exception? last = null;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"mariadbd exited with code {process.ExitCode}:\n{Log()}");
            }
            try
            {
                await ExecuteAsync("SELECT 1");
                return;
            }
            catch (MySqlException e)
            {
                last = e;
                await Task.Delay(50);
            }
        }
        throw new TimeoutException($"mariadbd did not accept connections within {ReadyTimeout} ({last?.Message}):\n{Log()}");
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
