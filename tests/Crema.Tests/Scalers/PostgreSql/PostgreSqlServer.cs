using System.Diagnostics;
using System.Globalization;
using System.Text;
using Crema.Tests.Scalers.Sql;
using Crema.Tests.Support;
using Npgsql;

namespace Crema.Tests.Scalers.PostgreSql;

/// <summary>
/// A private PostgreSQL cluster (Debian's postgresql; CI installs it) made by initdb in a temporary directory and run
/// in the foreground on 127.0.0.1 at a free port, with TLS from a test CA and its Unix socket in the same directory.
/// As root it runs as the postgres account. The superuser <see cref="Superuser"/> has password <see cref="SuperuserPassword"/>;
/// the user <see cref="TlsOnlyUser"/>, once created, is refused without TLS. Dispose stops it and deletes the directory.
/// </summary>
internal sealed class PostgreSqlServer : IAsyncDisposable
{
    public const string Superuser = "crema_admin";
    public const string SuperuserPassword = "admin-Pa55 'quoted'";
    public const string TlsOnlyUser = "tls_only";
    private const string Account = "postgres";
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);

    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly string adminConnectionString;

    private PostgreSqlServer(Process process, string directory, int port, SqlTestCertificates certificates, string binaries)
    {
        this.process = process;
        Directory = directory;
        Port = port;
        Certificates = certificates;
        Binaries = binaries;
        adminConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = Superuser,
            Password = SuperuserPassword,
            Database = "postgres",
            SslMode = SslMode.Disable,
            Pooling = false,
        }.ConnectionString;
    }

    public string Directory { get; }

    public int Port { get; }

    public string PortText => Port.ToString(CultureInfo.InvariantCulture);

    /// <summary>The directory of the Unix socket (a libpq host for a socket connection).</summary>
    public string SocketDirectory => Directory;

    public SqlTestCertificates Certificates { get; }

    /// <summary>The CA that signed the server's certificate, as a file clients can name in sslrootcert.</summary>
    public string CaPath => Path.Combine(Directory, "ca.pem");

    private string Binaries { get; }

    private string DataDirectory => Path.Combine(Directory, "data");

    public static async Task<PostgreSqlServer> StartAsync()
    {
        var binaries = System.IO.Directory.GetDirectories("/usr/lib/postgresql").Order(StringComparer.Ordinal).LastOrDefault() is { } version
            ? Path.Combine(version, "bin")
            : throw new InvalidOperationException("/usr/lib/postgresql has no server: install it with `apt-get install -y postgresql`.");
        var directory = System.IO.Directory.CreateTempSubdirectory("crema-postgresql-").FullName;
        var certificates = SqlTestCertificates.Create("Crema PostgreSQL Test CA");
        var passwordFile = Path.Combine(directory, "superuser-password");
        await File.WriteAllTextAsync(passwordFile, SuperuserPassword);
        certificates.WriteCa(Path.Combine(directory, "ca.pem"));
        await ServerAccount.GiveAsync(Account, directory);
        var data = Path.Combine(directory, "data");
        await ServerAccount.RunAsync(Account, Path.Combine(binaries, "initdb"),
            ["-D", data, "-U", Superuser, "--pwfile", passwordFile, "--auth=scram-sha-256", "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions"], directory);
        await WriteTlsFilesAsync(data, certificates);
        await ServerAccount.GiveAsync(Account, directory);

        var port = FreeTcpPort.Next();
        var process = new Process
        {
            StartInfo = ServerAccount.StartInfo(Account, Path.Combine(binaries, "postgres"),
            [
                "-D", data, "-p", port.ToString(CultureInfo.InvariantCulture), "-k", directory,
                "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
                "-c", "ssl=on", "-c", "ssl_cert_file=server.crt", "-c", "ssl_key_file=server.key",
                "-c", "max_connections=40", "-c", "shared_buffers=16MB", "-c", "log_min_messages=warning",
            ]),
        };
        var server = new PostgreSqlServer(process, directory, port, certificates, binaries);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await server.WaitUntilReadyAsync();
            await server.ExecuteAsync($"CREATE ROLE {TlsOnlyUser} LOGIN PASSWORD 'tls-Pa55'");
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs statements as the superuser, in the database <paramref name="database"/>.</summary>
    public async Task ExecuteAsync(string sql, string database = "postgres")
    {
        var builder = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = database };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
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
            // Immediate shutdown: no checkpoint, shared memory released (a killed postmaster would leave it behind).
            try
            {
                await ServerAccount.RunAsync(Account, Path.Combine(Binaries, "pg_ctl"), ["stop", "-D", DataDirectory, "-m", "immediate", "-w", "-t", "20"], Directory);
            }
            catch (InvalidOperationException)
            {
                process.Kill(entireProcessTree: true);
            }
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

    private static async Task WriteTlsFilesAsync(string data, SqlTestCertificates certificates)
    {
        await File.WriteAllTextAsync(Path.Combine(data, "server.crt"), certificates.ServerCertificatePem);
        var key = Path.Combine(data, "server.key");
        await File.WriteAllTextAsync(key, certificates.ServerKeyPem);
        // PostgreSQL refuses a key that others can read.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(key, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        // TLS_ONLY is refused over plain TCP; everyone else may use either (first matching line wins).
        var hba = Path.Combine(data, "pg_hba.conf");
        await File.WriteAllTextAsync(hba, $"hostnossl all {TlsOnlyUser} 127.0.0.1/32 reject\n" + await File.ReadAllTextAsync(hba));
    }

    /// <summary>Waits (bounded, real time: an external process) until the server accepts connections.</summary>
    private async Task WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow + ReadyTimeout;
        Exception? last = null;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"postgres exited with code {process.ExitCode}:\n{Log()}");
            }
            try
            {
                await ExecuteAsync("SELECT 1");
                return;
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
            {
                last = e;
                await Task.Delay(50);
            }
        }
        throw new TimeoutException($"postgres did not accept connections within {ReadyTimeout} ({last?.Message}):\n{Log()}");
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
