using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Crema.Scalers.Sql;
using Crema.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Crema.Tests.Scalers.PostgreSql;

/// <summary>Failures of the <c>postgresql</c> trigger: each a clear error naming the server, never a secret, never a value of 0.</summary>
[Collection(PostgreSqlServerCollection.Name)]
public sealed class PostgreSqlScalerFaultTests(PostgreSqlServerFixture fixture)
{
    private const string WrongPassword = "Wr0ng S3cret/+=x";

    private PostgreSqlServer Server => fixture.Server;

    [Fact]
    public async Task Read_WrongPassword_AuthenticationErrorWithoutThePasswordInAnyEncoding()
    {
        await using var scaler = PostgreSqlTriggers.Create(PostgreSqlTriggers.FieldsFor(Server), $"password={WrongPassword}");

        var error = await Should.ThrowAsync<SqlReadException>(() => scaler.ReadAsync(CancellationToken.None).AsTask());

        error.Message.ShouldStartWith($"postgresql 127.0.0.1:{Server.PortText}/airflow as user \"keda_user\": authentication failed (check userName and password");
        error.Message.ShouldContain("28P01");
        ShouldHoldNoForm(error.Message, WrongPassword);
    }

    [Fact]
    public async Task Read_ServerDown_FailsFastAsConnectionRefused()
    {
        var port = FreeTcpPort.Next();
        await using var scaler = PostgreSqlTriggers.Create($"host=127.0.0.1|port={port}|userName=u|dbName=d|sslmode=disable", $"password={WrongPassword}");
        var clock = Stopwatch.StartNew();

        var error = await Should.ThrowAsync<SqlReadException>(() => scaler.ReadAsync(CancellationToken.None).AsTask());

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
        error.Message.ShouldStartWith($"postgresql 127.0.0.1:{port}/d as user \"u\": cannot connect: connection refused");
        ShouldHoldNoForm(error.Message, WrongPassword);
    }

    [Fact]
    public async Task Read_FirstHostDown_TheNextHostAnswers()
    {
        var down = FreeTcpPort.Next();
        var connection = $"host=127.0.0.1,127.0.0.1 port={down},{Server.PortText} user=keda_user dbname=airflow sslmode=disable password='scaler Pa55\\\\word'";
        await using var scaler = PostgreSqlTriggers.Create("query=SELECT 8", $"connection={connection}");

        (await scaler.ReadAsync(CancellationToken.None)).Value.ShouldBe(8);
    }

    [Fact]
    public async Task Read_MissingDatabase_SaysSo()
    {
        await using var scaler = PostgreSqlTriggers.Create(PostgreSqlTriggers.FieldsFor(Server).Replace("dbName=airflow", "dbName=no_such_db", StringComparison.Ordinal), $"password={PostgreSqlServerFixture.Password}");

        var error = await Should.ThrowAsync<SqlReadException>(() => scaler.ReadAsync(CancellationToken.None).AsTask());

        error.Message.ShouldContain("the database does not exist (check dbName)");
        error.Message.ShouldContain("\"no_such_db\" does not exist");
    }

    [Fact]
    public async Task Read_ServerThatNeverAnswers_TimesOutOnTheScalersClock()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var scaler = PostgreSqlTriggers.Create($"host=127.0.0.1|port={port}|userName=u|dbName=d|sslmode=disable", time: time);

        var read = scaler.ReadAsync(CancellationToken.None).AsTask();
        time.Advance(SqlSource.ReadTimeout - TimeSpan.FromMilliseconds(1));
        await Task.Delay(100);
        read.IsCompleted.ShouldBeFalse();
        time.Advance(TimeSpan.FromMilliseconds(1));
        var error = await Should.ThrowAsync<SqlReadException>(() => read);

        error.Message.ShouldBe($"postgresql 127.0.0.1:{port}/d as user \"u\": no answer within 8 s (connecting included)");
    }

    [Fact]
    public async Task Read_SlowQuery_TimesOutOnTheScalersClock()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var scaler = PostgreSqlTriggers.Create($"{PostgreSqlTriggers.FieldsFor(Server)}|query=SELECT 1 FROM pg_sleep(30)", $"password={PostgreSqlServerFixture.Password}", time: time);

        var read = scaler.ReadAsync(CancellationToken.None).AsTask();
        time.Advance(SqlSource.ReadTimeout);
        var error = await Should.ThrowAsync<SqlReadException>(() => read);

        error.Message.ShouldEndWith("no answer within 8 s (connecting included)");
    }

    [Fact]
    public async Task Read_AfterAFailure_TheSameScalerReadsAgain()
    {
        var table = "t_" + Guid.NewGuid().ToString("N")[..8];
        await using var scaler = PostgreSqlTriggers.Create($"{PostgreSqlTriggers.FieldsFor(Server)}|query=SELECT count(*) FROM {table}", $"password={PostgreSqlServerFixture.Password}");

        await Should.ThrowAsync<SqlReadException>(() => scaler.ReadAsync(CancellationToken.None).AsTask());
        await Server.ExecuteAsync($"CREATE TABLE {table} (id int); INSERT INTO {table} VALUES (1), (2); ALTER TABLE {table} OWNER TO keda_user", PostgreSqlServerFixture.Database);

        (await scaler.ReadAsync(CancellationToken.None)).Value.ShouldBe(2);
    }

    private static void ShouldHoldNoForm(string message, string secret)
    {
        message.ShouldNotContain(secret);
        message.ShouldNotContain(Uri.EscapeDataString(secret));
        message.ShouldNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes(secret)).TrimEnd('='));
    }
}
