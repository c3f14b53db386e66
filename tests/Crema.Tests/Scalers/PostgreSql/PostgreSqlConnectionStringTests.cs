using Crema.Scalers.PostgreSql;
using Npgsql;

namespace Crema.Tests.Scalers.PostgreSql;

/// <summary>libpq's keyword/value and URL forms as pgx reads them, and what Npgsql is told for each keyword.</summary>
public sealed class PostgreSqlConnectionStringTests
{
    [Theory]
    [InlineData("host=db port=5432", "host=db|port=5432")]
    [InlineData("  host = db   user=app  ", "host=db|user=app")]
    [InlineData("password='a b\\'c\\\\d' user=app", "password=a b'c\\d|user=app")]
    [InlineData("password=a\\ b", "password=a b")]
    [InlineData("password=", "password=")]
    [InlineData("user= host=db", "user=host=db")]
    [InlineData("user=", "")]
    [InlineData("host=a host=b", "host=b")]
    [InlineData("postgres://db", "host=db")]
    [InlineData("postgresql://app:s%40cret%2F@db.internal:6432/jobs?sslmode=verify-full&application_name=x", "application_name=x|dbname=jobs|host=db.internal|password=s@cret/|port=6432|sslmode=verify-full|user=app")]
    [InlineData("postgresql://h1:5432,h2,[::1]:5433/db", "dbname=db|host=h1,h2,::1|port=5432,,5433")]
    [InlineData("postgresql://u@/db?host=%2Fcloudsql%2Fp%3Ar%3Ai", "dbname=db|host=/cloudsql/p:r:i|user=u")]
    [InlineData("postgresql://db/app?ssl=true", "dbname=app|host=db|sslmode=require")]
    [InlineData("postgresql://db/?database=app&ssl=true&sslmode=disable", "dbname=app|host=db|sslmode=disable")]
    [InlineData("postgresql://u:@db", "host=db|user=u")]
    [InlineData("postgresql://a+b@db", "host=db|user=a+b")]
    public void Parse_BothForms_GivesLibpqKeywords(string text, string expected)
    {
        var settings = PostgreSqlConnectionString.Parse(text, out var error);

        error.ShouldBeNull();
        string.Join('|', settings!.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}={s.Value}")).ShouldBe(expected);
    }

    [Theory]
    [InlineData("host", "is not a keyword/value connection string (key=value pairs separated by spaces, such as host=db port=5432) nor a postgresql:// URL")]
    [InlineData("=db", "is not a keyword/value connection string (key=value pairs separated by spaces, such as host=db port=5432) nor a postgresql:// URL")]
    [InlineData("host=db\0", "contains a NUL character")]
    [InlineData("postgresql://db/a?x", "has a URL query parameter that is not one key=value pair")]
    [InlineData("postgresql://db/a?x=1=2", "has a URL query parameter that is not one key=value pair")]
    [InlineData("postgresql://[::1/a", "has an IPv6 host in the URL without its closing \"]\" (or with something else after it)")]
    [InlineData("postgresql://u:a b@db", "has a space in the URL's password; write it as %20")]
    [InlineData("postgresql://db/a%00", "has a bad percent-encoded character in the URL's dbname")]
    public void Parse_Malformed_SaysWhatIsWrongWithoutQuotingIt(string text, string expected)
    {
        PostgreSqlConnectionString.Parse(text, out var error).ShouldBeNull();

        error.ShouldBe(expected);
    }

    [Theory]
    [InlineData("host=db", "Host=db;Port=5432;SSL Mode=Prefer")]
    [InlineData("host=db sslmode=require sslrootcert=/ca.pem", "Host=db;Port=5432;SSL Mode=VerifyCA;Root Certificate=/ca.pem")]
    [InlineData("host=db sslmode=verify-full sslrootcert=/ca.pem", "Host=db;Port=5432;SSL Mode=VerifyFull;Root Certificate=/ca.pem")]
    [InlineData("host=db sslmode=require sslrootcert=system", "Host=db;Port=5432;SSL Mode=VerifyFull")]
    [InlineData("host=db sslmode=allow", "Host=db;Port=5432;SSL Mode=Allow")]
    [InlineData("host=/cloudsql/p:r:i", "Host=/cloudsql/p:r:i;Port=5432;SSL Mode=Prefer")]
    [InlineData("host=a,b port=1,2", "Host=a:1,b:2;SSL Mode=Prefer")]
    [InlineData("host=db connect_timeout=3 options='-c statement_timeout=5000' search_path=jobs target_session_attrs=read-write", "Host=db;Port=5432;SSL Mode=Prefer;Timeout=3;Options=-c statement_timeout=5000;Search Path=jobs;Target Session Attributes=read-write")]
    [InlineData("host=db sslcert=/c.pem sslkey=/k.pem channel_binding=require", "Host=db;Port=5432;SSL Mode=Prefer;SSL Certificate=/c.pem;SSL Key=/k.pem;Channel Binding=Require")]
    public void ToConnection_Keywords_AreWhatNpgsqlIsTold(string text, string expected)
    {
        var connection = PostgreSqlSettings.ToConnection(PostgreSqlConnectionString.Parse(text, out _)!, false, out var error);

        error.ShouldBeNull();
        var actual = new NpgsqlConnectionStringBuilder(connection!.ConnectionString);
        actual.Remove("Application Name");
        new NpgsqlConnectionStringBuilder(expected).EquivalentTo(actual).ShouldBeTrue($"{actual.ConnectionString} is not {expected}");
    }
}
