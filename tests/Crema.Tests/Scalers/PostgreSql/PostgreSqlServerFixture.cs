namespace Crema.Tests.Scalers.PostgreSql;

/// <summary>
/// One private PostgreSQL cluster for every test in <see cref="PostgreSqlServerCollection"/>, with a database
/// <see cref="Database"/> owned by <see cref="User"/> (password <see cref="Password"/>) holding a <c>task_instance</c>
/// table as in KEDA's examples. Tests add the rows they need under their own names.
/// </summary>
public sealed class PostgreSqlServerFixture : IAsyncLifetime
{
    public const string Database = "airflow";
    public const string User = "keda_user";
    public const string Password = "scaler Pa55\\word";

    private PostgreSqlServer? server;

    internal PostgreSqlServer Server => server!;

    public async Task InitializeAsync()
    {
        server = await PostgreSqlServer.StartAsync();
        await server.ExecuteAsync($"CREATE ROLE {User} LOGIN PASSWORD 'scaler Pa55\\word'");
        await server.ExecuteAsync($"CREATE DATABASE {Database} OWNER {User}");
        await server.ExecuteAsync($"GRANT CONNECT ON DATABASE {Database} TO {PostgreSqlServer.TlsOnlyUser}", Database);
        await server.ExecuteAsync(
            "CREATE TABLE task_instance (id serial PRIMARY KEY, dag text NOT NULL, state text NOT NULL);" +
            $"ALTER TABLE task_instance OWNER TO {User}; GRANT SELECT ON task_instance TO {PostgreSqlServer.TlsOnlyUser}", Database);
    }

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}
