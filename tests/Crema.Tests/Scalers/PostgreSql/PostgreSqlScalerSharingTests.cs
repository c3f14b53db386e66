using Crema.Abstractions;
using Crema.Scalers.Sql;
using Crema.Tests.Scalers.Kafka;

namespace Crema.Tests.Scalers.PostgreSql;

/// <summary>One data source per connection, disposed with its last trigger; podIdentity gcp's access token as the password.</summary>
[Collection(PostgreSqlServerCollection.Name)]
public sealed class PostgreSqlScalerSharingTests(PostgreSqlServerFixture fixture)
{
    private const string Auth = "password=" + PostgreSqlServerFixture.Password;

    private PostgreSqlServer Server => fixture.Server;

    [Fact]
    public async Task Create_SameConnection_SharesOneDataSourceUntilTheLastTriggerGoes()
    {
        var pool = new SqlDataSourcePool();
        var fields = PostgreSqlTriggers.FieldsFor(Server);
        var first = PostgreSqlTriggers.Create(fields + "|query=SELECT 1", Auth, pool);
        await using var second = PostgreSqlTriggers.Create(fields + "|query=SELECT 2|targetQueryValue=9", Auth, pool);
        await using var other = PostgreSqlTriggers.Create(fields.Replace("dbName=airflow", "dbName=postgres", StringComparison.Ordinal) + "|query=SELECT 3", "password=" + PostgreSqlServer.SuperuserPassword, pool);

        pool.Count.ShouldBe(2);
        (await first.ReadAsync(CancellationToken.None)).Value.ShouldBe(1);
        (await second.ReadAsync(CancellationToken.None)).Value.ShouldBe(2);
        await first.DisposeAsync();
        await first.DisposeAsync();

        pool.Count.ShouldBe(2);
        (await second.ReadAsync(CancellationToken.None)).Value.ShouldBe(2);
        await second.DisposeAsync();
        await other.DisposeAsync();
        pool.Count.ShouldBe(0);
    }

    [Fact]
    public async Task Read_PodIdentityGcp_LogsInWithTheAccessTokenForTheCloudSqlLoginScope()
    {
        const string Token = "ya29.test-access-token-9f8e7d";
        await Server.ExecuteAsync($"CREATE ROLE \"crema-sa@my-project.iam\" LOGIN PASSWORD '{Token}'");
        var tokens = new RecordingGoogleTokens(Token);
        var fields = $"host=127.0.0.1|port={Server.PortText}|userName=crema-sa@my-project.iam|dbName=airflow|sslmode=require|query=SELECT 12";
        await using var scaler = PostgreSqlTriggers.Create(fields, podIdentity: true, services: new DefaultScalerServices(tokens));

        (await scaler.ReadAsync(CancellationToken.None)).Value.ShouldBe(12);
        tokens.Scopes.ShouldAllBe(s => s == CloudSqlIamLogin.Scope);
        tokens.Scopes.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Read_PodIdentityGcpWithoutGoogleCredentials_SaysWhatIsMissing()
    {
        var fields = $"host=127.0.0.1|port={Server.PortText}|userName=crema-sa@my-project.iam|dbName=airflow|sslmode=require";
        await using var scaler = PostgreSqlTriggers.Create(fields, podIdentity: true, services: new DefaultScalerServices());

        var error = await Should.ThrowAsync<SqlReadException>(() => scaler.ReadAsync(CancellationToken.None).AsTask());

        error.Message.ShouldContain("podIdentity gcp needs the daemon's Google credentials (Application Default Credentials), and none are configured");
    }
}
