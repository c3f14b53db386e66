using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Crema.Abstractions;
using Crema.Scalers.Sql;
using Crema.Tests.Scalers.Kafka;
using Crema.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Crema.Tests.Scalers.MySql;

/// <summary>Failures of the <c>mysql</c> trigger (never a secret, never a value), connection sharing and podIdentity gcp.</summary>
[Collection(MariaDbServerCollection.Name)]
public sealed class MySqlScalerFaultTests(MariaDbServerFixture fixture)
{
    private const string WrongPassword = "Wr0ng S3cret/+=x";

    private MariaDbServer Server => fixture.Server;

    [Fact]
    public async Task Read_WrongPassword_AuthenticationErrorWithoutThePasswordInAnyEncoding()
    {
        await using var scaler = MySqlTriggers.Create(MySqlTriggers.FieldsFor(Server), $"password={WrongPassword}");

        var error = await Should.ThrowAsync<SqlReadException>(() => scaler.ReadAsync(CancellationToken.None).AsTask());

        error.Message.ShouldStartWith($"mysql 127.0.0.1:{Server.PortText}/stats_db as user \"keda\": authentication failed (check username and password");
        error.Message.ShouldNotContain(WrongPassword);
        error.Message.ShouldNotContain(Uri.EscapeDataString(WrongPassword));
        error.Message.ShouldNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes(WrongPassword)).TrimEnd('='));
    }

    [Fact]
    public async Task Read_ServerDown_FailsFastAsConnectionRefused()
    {
        var port = FreeTcpPort.Next();
        await using var scaler = MySqlTriggers.Create($"host=127.0.0.1|port={port}|username=u|dbName=d", $"password={WrongPassword}");
        var clock = Stopwatch.StartNew();

        var error = await Should.ThrowAsync<SqlReadException>(() => scaler.ReadAsync(CancellationToken.None).AsTask());

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
        error.Message.ShouldStartWith($"mysql 127.0.0.1:{port}/d as user \"u\": cannot connect");
        error.Message.ShouldNotContain(WrongPassword);
    }

    [Fact]
    public async Task Read_MissingDatabase_SaysSo()
    {
        await Server.ExecuteAsync($"GRANT SELECT ON no_such_db.* TO '{MariaDbServerFixture.User}'@'%'");
        await using var scaler = MySqlTriggers.Create(MySqlTriggers.FieldsFor(Server).Replace("dbName=stats_db", "dbName=no_such_db", StringComparison.Ordinal), $"password={MariaDbServerFixture.Password}");

        var error = await Should.ThrowAsync<SqlReadException>(() => scaler.ReadAsync(CancellationToken.None).AsTask());

        error.Message.ShouldContain("the database does not exist (check dbName)");
    }

    [Fact]
    public async Task Read_ServerThatNeverAnswers_TimesOutOnTheScalersClock()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var scaler = MySqlTriggers.Create($"host=127.0.0.1|port={port}|username=u|dbName=d", time: time);

        var read = scaler.ReadAsync(CancellationToken.None).AsTask();
        time.Advance(SqlSource.ReadTimeout - TimeSpan.FromMilliseconds(1));
        await Task.Delay(100);
        read.IsCompleted.ShouldBeFalse();
        time.Advance(TimeSpan.FromMilliseconds(1));
        var error = await Should.ThrowAsync<SqlReadException>(() => read);

        error.Message.ShouldBe($"mysql 127.0.0.1:{port}/d as user \"u\": no answer within 8 s (connecting included)");
    }

    [Fact]
    public async Task Create_SameConnection_SharesOneDataSourceUntilTheLastTriggerGoes()
    {
        var pool = new SqlDataSourcePool();
        var first = MySqlTriggers.Create(MySqlTriggers.FieldsFor(Server) + "|query=SELECT 1", $"password={MariaDbServerFixture.Password}", pool);
        await using var second = MySqlTriggers.Create(MySqlTriggers.FieldsFor(Server) + "|query=SELECT 2", $"password={MariaDbServerFixture.Password}", pool);

        pool.Count.ShouldBe(1);
        (await first.ReadAsync(CancellationToken.None)).Value.ShouldBe(1);
        await first.DisposeAsync();
        (await second.ReadAsync(CancellationToken.None)).Value.ShouldBe(2);
        pool.Count.ShouldBe(1);
        await second.DisposeAsync();
        pool.Count.ShouldBe(0);
    }

    [Fact]
    public async Task Read_PodIdentityGcp_LogsInWithTheAccessTokenForTheCloudSqlLoginScope()
    {
        const string Token = "ya29.mysql-test-token-4c3b";
        await Server.ExecuteAsync($"CREATE USER 'crema-sa'@'%' IDENTIFIED BY '{Token}'; GRANT SELECT ON stats_db.* TO 'crema-sa'@'%'");
        var tokens = new RecordingGoogleTokens(Token);
        var dsn = $"crema-sa@tcp(127.0.0.1:{Server.PortText})/stats_db?tls=skip-verify";
        await using var scaler = MySqlTriggers.Create("query=SELECT 12", $"connectionString={dsn}", podIdentity: true, services: new DefaultScalerServices(tokens));

        (await scaler.ReadAsync(CancellationToken.None)).Value.ShouldBe(12);
        tokens.Scopes.ShouldNotBeEmpty();
        tokens.Scopes.ShouldAllBe(s => s == CloudSqlIamLogin.Scope);
    }
}
