using Crema.Abstractions;
using Crema.Scalers.Sql;

namespace Crema.Tests.Scalers.PostgreSql;

/// <summary>The <c>postgresql</c> trigger against a real PostgreSQL: values of every type, connection forms, sharing.</summary>
[Collection(PostgreSqlServerCollection.Name)]
public sealed class PostgreSqlScalerRealServerTests(PostgreSqlServerFixture fixture)
{
    private const string Auth = "password=" + PostgreSqlServerFixture.Password;

    private PostgreSqlServer Server => fixture.Server;

    [Fact]
    public async Task Read_KedasExampleQuery_CeilOfActiveTasksOverSixteen()
    {
        var dag = NewName();
        await Server.ExecuteAsync(
            $"INSERT INTO task_instance (dag, state) SELECT '{dag}', s FROM unnest(array_fill('running'::text, ARRAY[20]) || array_fill('queued'::text, ARRAY[15]) || array_fill('success'::text, ARRAY[9])) AS s",
            PostgreSqlServerFixture.Database);
        var query = $"SELECT ceil(COUNT(*)::decimal / 16) FROM task_instance WHERE dag = '{dag}' AND (state='running' OR state='queued');";
        await using var scaler = PostgreSqlTriggers.Create($"{PostgreSqlTriggers.FieldsFor(Server)}|query={query}|targetQueryValue=1.1|activationTargetQueryValue=2", Auth);

        var reading = await scaler.ReadAsync(CancellationToken.None);

        reading.ShouldBe(new MetricReading(3, 1.1, true));
    }

    [Theory]
    [InlineData("SELECT 42", 42)]
    [InlineData("SELECT 9000000000::bigint", 9e9)]
    [InlineData("SELECT 2::smallint", 2)]
    [InlineData("SELECT 2.5::float8", 2.5)]
    [InlineData("SELECT 0.75::real", 0.75)]
    [InlineData("SELECT 1.125::numeric", 1.125)]
    [InlineData("SELECT 1e40::numeric", 1e40)]
    [InlineData("SELECT '7.5'::text", 7.5)]
    [InlineData("SELECT '-3e2'::varchar", -300)]
    [InlineData("SELECT 4 UNION ALL SELECT 9", 4)]
    public async Task Read_NumericResult_ReadAsKedaReadsIt(string query, double expected)
    {
        await using var scaler = PostgreSqlTriggers.Create($"{PostgreSqlTriggers.FieldsFor(Server)}|query={query}", Auth);

        (await scaler.ReadAsync(CancellationToken.None)).Value.ShouldBe(expected);
    }

    [Fact]
    public async Task Read_NaN_IsPassedOnForTheEngineToTreatAsZero()
    {
        await using var scaler = PostgreSqlTriggers.Create($"{PostgreSqlTriggers.FieldsFor(Server)}|query=SELECT 'NaN'::float8", Auth);

        var reading = await scaler.ReadAsync(CancellationToken.None);

        double.IsNaN(reading.Value).ShouldBeTrue();
        reading.IsActive.ShouldBeFalse();
    }

    [Theory]
    [InlineData("SELECT NULL::int", "the query returned NULL; return a number, for example with COALESCE(..., 0)")]
    [InlineData("SELECT 1 WHERE false", "the query returned no rows; it must return one row with one number")]
    [InlineData("SELECT 1, 2", "the query returned 2 columns; it must return one (a number)")]
    [InlineData("SELECT 'many'::text", "the query returned the text \"many\", which is not a number")]
    [InlineData("SELECT ' 5'::text", "the query returned the text \" 5\", which is not a number")]
    [InlineData("SELECT true", "the query returned a boolean (Boolean), not a number")]
    [InlineData("SELECT now()", "the query returned a timestamp with time zone (DateTime), not a number")]
    [InlineData("SELECT count(*) FROM no_such_table", "the query names something that does not exist: 42P01: relation \"no_such_table\" does not exist")]
    [InlineData("SELEKT 1", "the query is not valid SQL: 42601: syntax error at or near \"SELEKT\"")]
    public async Task Read_ResultThatIsNotANumber_FailsSayingWhy(string query, string expected)
    {
        await using var scaler = PostgreSqlTriggers.Create($"{PostgreSqlTriggers.FieldsFor(Server)}|query={query}", Auth);

        var error = await Should.ThrowAsync<SqlReadException>(() => scaler.ReadAsync(CancellationToken.None).AsTask());

        error.Message.ShouldStartWith($"postgresql 127.0.0.1:{Server.PortText}/{PostgreSqlServerFixture.Database} as user \"{PostgreSqlServerFixture.User}\": ");
        error.Message.ShouldContain(expected);
    }

    [Fact]
    public async Task Read_ConnectionUrlFromAuthParams_ConnectsWithItsUserDatabaseAndSslmode()
    {
        var url = $"postgresql://{PostgreSqlServerFixture.User}:{Uri.EscapeDataString(PostgreSqlServerFixture.Password)}@127.0.0.1:{Server.PortText}/{PostgreSqlServerFixture.Database}?sslmode=disable";
        await using var scaler = PostgreSqlTriggers.Create($"query={WhoAmI}", $"connection={url}");

        (await scaler.ReadAsync(CancellationToken.None)).Value.ShouldBe(7);
    }

    /// <summary>7 when connected as the fixture's user to its database without TLS, 6 otherwise (with TLS: 5).</summary>
    private const string WhoAmI =
        "SELECT (current_user = 'keda_user' AND current_database() = 'airflow')::int + 6 - (2 * ssl::int) FROM pg_stat_ssl WHERE pid = pg_backend_pid()";

    private static string NewName() => "dag_" + Guid.NewGuid().ToString("N")[..8];
}
