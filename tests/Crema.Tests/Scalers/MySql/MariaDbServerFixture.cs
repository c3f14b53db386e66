namespace Crema.Tests.Scalers.MySql;

/// <summary>
/// One private MariaDB server for every test in <see cref="MariaDbServerCollection"/>, with a database
/// <see cref="Database"/> holding a <c>task_instance</c> table as in KEDA's example, readable by <see cref="User"/>
/// (password <see cref="Password"/>) and by <see cref="TlsOnlyUser"/>, who must connect over TLS.
/// </summary>
public sealed class MariaDbServerFixture : IAsyncLifetime
{
    public const string Database = "stats_db";
    public const string User = "keda";
    public const string Password = "scaler:Pa55@word/x";
    public const string TlsOnlyUser = "tls_only";
    public const string TlsOnlyPassword = "tls-Pa55";

    private MariaDbServer? server;

    internal MariaDbServer Server => server!;

    public async Task InitializeAsync()
    {
        server = await MariaDbServer.StartAsync();
        await server.ExecuteAsync(
            $"CREATE DATABASE {Database};" +
            $"CREATE TABLE {Database}.task_instance (id INT AUTO_INCREMENT PRIMARY KEY, dag VARCHAR(64) NOT NULL, state VARCHAR(16) NOT NULL, urgent TINYINT(1) NOT NULL DEFAULT 0);" +
            $"CREATE TABLE {Database}.flags (urgent TINYINT(1) NOT NULL); INSERT INTO {Database}.flags VALUES (1);" +
            $"CREATE USER '{User}'@'%' IDENTIFIED BY '{Password}';" +
            $"GRANT SELECT, CREATE, INSERT ON {Database}.* TO '{User}'@'%';" +
            $"CREATE USER '{TlsOnlyUser}'@'%' IDENTIFIED BY '{TlsOnlyPassword}' REQUIRE SSL;" +
            $"GRANT SELECT ON {Database}.* TO '{TlsOnlyUser}'@'%';");
    }

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}
