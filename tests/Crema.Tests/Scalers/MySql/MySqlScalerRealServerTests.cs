using Crema.Abstractions;
using Crema.Scalers.Sql;

namespace Crema.Tests.Scalers.MySql;

/// <summary>The <c>mysql</c> trigger against a real MariaDB: values of every type, KEDA's connection forms, TLS.</summary>
[Collection(MariaDbServerCollection.Name)]
public sealed class MySqlScalerRealServerTests(MariaDbServerFixture fixture)
{
    private const string Auth = "password=" + MariaDbServerFixture.Password;

    // 5 over TLS as the fixture's user in its database, 7 without TLS.
    private const string WhoAmI =
        "SELECT IF(SUBSTRING_INDEX(CURRENT_USER(), '@', 1) IN ('keda', 'tls_only') AND DATABASE() = 'stats_db', 1, 0) + IF(VARIABLE_VALUE = '', 6, 4) " +
        "FROM information_schema.SESSION_STATUS WHERE VARIABLE_NAME = 'Ssl_cipher'";

    private MariaDbServer Server => fixture.Server;

    [Fact]
    public async Task Read_KedasExampleQuery_CeilOfActiveTasksOverSix()
    {
        var dag = "dag_" + Guid.NewGuid().ToString("N")[..8];
        var rows = string.Join(", ", Enumerable.Range(0, 30).Select(n => $"('{dag}', '{new[] { "running", "queued", "success" }[n % 3]}')"));
        await Server.ExecuteAsync($"INSERT INTO task_instance (dag, state) VALUES {rows}", MariaDbServerFixture.Database);
        var query = $"SELECT CEIL(COUNT(*) / 6) FROM task_instance WHERE dag = '{dag}' AND (state='running' OR state='queued')";
        await using var scaler = MySqlTriggers.Create($"{MySqlTriggers.FieldsFor(Server)}|query={query}|queryValue=4.4|activationQueryValue=5.4", Auth);

        var reading = await scaler.ReadAsync(CancellationToken.None);

        reading.ShouldBe(new MetricReading(4, 4.4, false));
    }

    [Theory]
    [InlineData("SELECT 42", 42)]
    [InlineData("SELECT 2.5", 2.5)]
    [InlineData("SELECT CAST(0.75 AS DOUBLE)", 0.75)]
    [InlineData("SELECT CAST(18446744073709551615 AS UNSIGNED)", 18446744073709551615d)]
    [InlineData("SELECT '7.5'", 7.5)]
    [InlineData("SELECT true", 1)]
    [InlineData("SELECT 4 UNION ALL SELECT 9", 4)]
    [InlineData("SELECT urgent FROM flags", 1)]
    [InlineData("SELECT CAST(1 AS BINARY)", 1)]
    public async Task Read_NumericResult_ReadAsKedaReadsIt(string query, double expected)
    {
        await using var scaler = MySqlTriggers.Create($"{MySqlTriggers.FieldsFor(Server)}|query={query}", Auth);

        (await scaler.ReadAsync(CancellationToken.None)).Value.ShouldBe(expected);
    }

    [Theory]
    [InlineData("SELECT NULL", "the query returned NULL; return a number, for example with COALESCE(..., 0)")]
    [InlineData("SELECT 1 FROM task_instance WHERE 1 = 0", "the query returned no rows; it must return one row with one number")]
    [InlineData("SELECT 1, 2", "the query returned 2 columns; it must return one (a number)")]
    [InlineData("SELECT 'many'", "the query returned the VARCHAR \"many\", which is not a number")]
    [InlineData("SELECT NOW()", "the query returned a DATETIME (DateTime), not a number")]
    [InlineData("SELECT COUNT(*) FROM no_such_table", "the query names something that does not exist: Table 'stats_db.no_such_table' doesn't exist")]
    [InlineData("SELEKT 1", "the query is not valid SQL: You have an error in your SQL syntax")]
    public async Task Read_ResultThatIsNotANumber_FailsSayingWhy(string query, string expected)
    {
        await using var scaler = MySqlTriggers.Create($"{MySqlTriggers.FieldsFor(Server)}|query={query}", Auth);

        var error = await Should.ThrowAsync<SqlReadException>(() => scaler.ReadAsync(CancellationToken.None).AsTask());

        error.Message.ShouldStartWith($"mysql 127.0.0.1:{Server.PortText}/stats_db as user \"keda\": ");
        error.Message.ShouldContain(expected);
    }

    [Theory]
    [InlineData("", 7)]
    [InlineData("tls=false", 7)]
    [InlineData("tls=skip-verify", 5)]
    [InlineData("tls=preferred", 5)]
    [InlineData("tls=skip-verify&timeout=5s&readTimeout=30s&parseTime=true&charset=utf8mb4", 5)]
    public async Task Read_DsnFromAuthParams_ConnectsAsItSays(string parameters, double expected)
    {
        await using var scaler = MySqlTriggers.Create($"query={WhoAmI}", $"connectionString={MySqlTriggers.DsnFor(Server, parameters)}");

        (await scaler.ReadAsync(CancellationToken.None)).Value.ShouldBe(expected);
    }

    [Fact]
    public async Task Read_DsnOverTheUnixSocket_Connects()
    {
        var dsn = $"{MariaDbServerFixture.User}:{MariaDbServerFixture.Password}@unix({Server.SocketPath})/{MariaDbServerFixture.Database}";
        await using var scaler = MySqlTriggers.Create("query=SELECT IF(@@hostname IS NOT NULL AND USER() LIKE 'keda@localhost', 11, 0)", $"connectionString={dsn}");

        (await scaler.ReadAsync(CancellationToken.None)).Value.ShouldBe(11);
    }

    [Fact]
    public async Task Read_TlsTrueWithACertificateNoSystemRootTrusts_FailsAsATlsError()
    {
        await using var scaler = MySqlTriggers.Create($"query={WhoAmI}", $"connectionString={MySqlTriggers.DsnFor(Server, "tls=true")}");

        var error = await Should.ThrowAsync<SqlReadException>(() => scaler.ReadAsync(CancellationToken.None).AsTask());

        error.Message.ShouldContain("the TLS handshake failed (check the tls parameter and the server's certificate)");
        error.Message.ShouldNotContain(MariaDbServerFixture.Password);
    }

    [Fact]
    public async Task Read_UserTheServerAdmitsOnlyOverTls_RefusedWithoutTlsAndAdmittedWithIt()
    {
        await using var plain = MySqlTriggers.Create($"query={WhoAmI}", $"connectionString={MySqlTriggers.DsnFor(Server, "", MariaDbServerFixture.TlsOnlyUser, MariaDbServerFixture.TlsOnlyPassword)}");
        await using var encrypted = MySqlTriggers.Create($"query={WhoAmI}", $"connectionString={MySqlTriggers.DsnFor(Server, "tls=skip-verify", MariaDbServerFixture.TlsOnlyUser, MariaDbServerFixture.TlsOnlyPassword)}");

        var error = await Should.ThrowAsync<SqlReadException>(() => plain.ReadAsync(CancellationToken.None).AsTask());
        (await encrypted.ReadAsync(CancellationToken.None)).Value.ShouldBe(5);

        error.Message.ShouldContain("authentication failed (check username and password, and the host the user may connect from)");
    }
}
