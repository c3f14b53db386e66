using Crema.Scalers.Sql;
using Crema.Tests.Scalers.Sql;

namespace Crema.Tests.Scalers.PostgreSql;

/// <summary>sslmode against a real PostgreSQL with TLS from a test CA: what encrypts, what verifies, what is refused.</summary>
[Collection(PostgreSqlServerCollection.Name)]
public sealed class PostgreSqlScalerTlsTests(PostgreSqlServerFixture fixture) : IDisposable
{
    // 5 over TLS as the fixture's user in its database, 7 without TLS.
    private const string WhoAmI =
        "SELECT (current_user = 'keda_user' AND current_database() = 'airflow')::int + 6 - (2 * ssl::int) FROM pg_stat_ssl WHERE pid = pg_backend_pid()";

    private readonly string otherCa = SqlTestCertificates.Create("Some Other CA").WriteCa(Path.GetTempFileName());

    private PostgreSqlServer Server => fixture.Server;

    [Theory]
    [InlineData("sslmode=disable", 7)]
    [InlineData("sslmode=prefer", 5)]
    [InlineData("", 5)]
    [InlineData("sslmode=require", 5)]
    [InlineData("sslmode=verify-ca sslrootcert={ca}", 5)]
    [InlineData("sslmode=verify-full sslrootcert={ca}", 5)]
    [InlineData("sslmode=require sslrootcert={ca}", 5)]
    public async Task Read_SslmodeTheServerCanMeet_ConnectsEncryptedOrNotAsAsked(string tls, double expected)
    {
        await using var scaler = Create(tls);

        (await scaler.ReadAsync(CancellationToken.None)).Value.ShouldBe(expected);
    }

    [Theory]
    [InlineData("sslmode=verify-full")]
    [InlineData("sslmode=verify-ca sslrootcert={other}")]
    [InlineData("sslmode=verify-full sslrootcert={other}")]
    // libpq's rule, kept by pgx: require with a root certificate verifies the chain.
    [InlineData("sslmode=require sslrootcert={other}")]
    public async Task Read_CertificateNotSignedByTheTrustedCa_FailsAsATlsError(string tls)
    {
        await using var scaler = Create(tls);

        var error = await Should.ThrowAsync<SqlReadException>(() => scaler.ReadAsync(CancellationToken.None).AsTask());

        error.Message.ShouldContain("the TLS handshake failed (check sslmode and the server's certificate against sslrootcert)");
        error.Message.ShouldNotContain(PostgreSqlServerFixture.Password);
    }

    [Fact]
    public async Task Read_UserTheServerAdmitsOnlyOverTls_RefusedWithSslmodeDisableAndAdmittedWithRequire()
    {
        var fields = $"host=127.0.0.1|port={Server.PortText}|userName={PostgreSqlServer.TlsOnlyUser}|dbName={PostgreSqlServerFixture.Database}|query=SELECT 3";
        await using var plain = PostgreSqlTriggers.Create(fields + "|sslmode=disable", "password=tls-Pa55");
        await using var encrypted = PostgreSqlTriggers.Create(fields + "|sslmode=require", "password=tls-Pa55");

        var error = await Should.ThrowAsync<SqlReadException>(() => plain.ReadAsync(CancellationToken.None).AsTask());
        (await encrypted.ReadAsync(CancellationToken.None)).Value.ShouldBe(3);

        error.Message.ShouldContain("authentication failed (check userName and password, and that pg_hba.conf lets this user in from here)");
        error.Message.ShouldContain("no encryption");
    }

    [Fact]
    public async Task Read_HostIsTheUnixSocketDirectory_ConnectsOverTheSocket()
    {
        var connection = $"host={Server.SocketDirectory} port={Server.PortText} user={PostgreSqlServerFixture.User} dbname={PostgreSqlServerFixture.Database} password='scaler Pa55\\\\word'";
        await using var scaler = PostgreSqlTriggers.Create("query=SELECT CASE WHEN inet_server_addr() IS NULL THEN 11 ELSE 0 END", $"connection={connection}");

        (await scaler.ReadAsync(CancellationToken.None)).Value.ShouldBe(11);
    }

    public void Dispose() => File.Delete(otherCa);

    /// <summary>A scaler for the fixture's database with a keyword/value connection string ending in <paramref name="tls"/>.</summary>
    private Crema.Abstractions.IScaler Create(string tls)
    {
        var connection = $"host=127.0.0.1 port={Server.PortText} user={PostgreSqlServerFixture.User} dbname={PostgreSqlServerFixture.Database} password='scaler Pa55\\\\word' "
            + tls.Replace("{ca}", Server.CaPath, StringComparison.Ordinal).Replace("{other}", otherCa, StringComparison.Ordinal);
        return PostgreSqlTriggers.Create($"query={WhoAmI}", $"connection={connection}");
    }
}
