using Crema.Abstractions;
using Npgsql;

namespace Crema.Tests.Scalers.PostgreSql;

/// <summary>
/// Binding every key of the <c>postgresql</c> trigger, with KEDA 2.20's postgresql_scaler_test.go cases transcribed.
/// KEDA's metric-name cases do not apply (Crema names no HPA metric); its escaping cases become "a value cannot
/// inject a keyword" (Crema builds Npgsql's connection string with its builder, never by joining text); its Azure
/// cases are rejected by the config validator (no Azure identity).
/// </summary>
public sealed class PostgreSqlScalerFactoryTests
{
    private const string Required = ", in metadata or as a parameter of the trigger's authenticationRef";

    private static readonly Dictionary<string, string> Env = new()
    {
        ["POSTGRE_PASSWORD"] = "pass",
        ["POSTGRE_CONN_STR"] = "test_conn_str",
        ["CONN_URL"] = "postgresql://localhost:5432",
        ["CONN_KV"] = "host=localhost port=1234 user=user dbname=testDb sslmode=require password=",
    };

    // KEDA's testPostgresMetadata, then its testPostgreSQLMetadata and testPostgreSQLConnectionstring, with Crema's outcome.
    // KEDA's placeholders that its driver rejects only when connecting (port "test_port", sslmode "required", a connection
    // string "test_conn_str") are rejected here when the config is read.
    [Theory]
    [InlineData("-query|-targetQueryValue", "",
        "query: is required; targetQueryValue: is required; host: is required (or give connection)" + Required + "; port: is required (or give connection)" + Required
        + "; userName: is required (or give connection)" + Required + "; dbName: is required (or give connection)" + Required + "; sslmode: is required (or give connection)" + Required)]
    [InlineData("query=query|targetQueryValue=12|connectionFromEnv=POSTGRE_CONN_STR", "",
        "connection: is not a keyword/value connection string (key=value pairs separated by spaces, such as host=db port=5432) nor a postgresql:// URL")]
    [InlineData("host=test_host|port=test_port|userName=test_username|passwordFromEnv=POSTGRE_PASSWORD|dbName=test_dbname|sslmode=require", "",
        "port: \"test_port\" is not a port number from 1 to 65535 (or a comma-separated list of them, one per host)")]
    [InlineData("", "host=test_host|port=5432|userName=test_username|password=POSTGRE_PASSWORD|dbName=test_dbname|sslmode=disable", "")]
    [InlineData("connectionFromEnv=CONN_URL", "", "")]
    [InlineData("connectionFromEnv=CONN_KV|activationTargetQueryValue=3", "", "")]
    [InlineData("connection=postgresql://username:password@localhost:5432|metricName=scaler_sql_data2", "",
        "host: is required (or give connection)" + Required + "; port: is required (or give connection)" + Required + "; userName: is required (or give connection)" + Required
        + "; dbName: is required (or give connection)" + Required + "; sslmode: is required (or give connection)" + Required)]
    [InlineData("host=localhost|port=1234|dbName=testDb|userName=user|sslmode=required", "", "sslmode: \"required\" is not one of: disable, allow, prefer, require, verify-ca, verify-full")]
    // Crema's further checks, each with its exact message.
    [InlineData("targetQueryValue=0|connectionFromEnv=CONN_URL", "", "targetQueryValue: must be > 0, found 0")]
    [InlineData("targetQueryValue=-1|connectionFromEnv=CONN_URL", "", "targetQueryValue: must be > 0, found -1")]
    [InlineData("targetQueryValue=many|activationTargetQueryValue=x|connectionFromEnv=CONN_URL", "", "targetQueryValue: \"many\" is not a number; activationTargetQueryValue: \"x\" is not a number")]
    [InlineData("host=h|port=0|userName=u|dbName=d|sslmode=disable", "", "port: \"0\" is not a port number from 1 to 65535 (or a comma-separated list of them, one per host)")]
    [InlineData("host=h1,h2,h3|port=1,2|userName=u|dbName=d|sslmode=disable", "", "host: gives 2 ports for 3 hosts; give one port, or one per host")]
    [InlineData("", "connection=Host=db;Username=u;Password=p", "connection: uses \"Host\", which is Npgsql's spelling; write the connection string in libpq form as KEDA does (host=... port=... user=... dbname=...) or as a postgresql:// URL")]
    [InlineData("", "connection=host=db password=two words", "connection: is not a keyword/value connection string (key=value pairs separated by spaces, such as host=db port=5432) nor a postgresql:// URL")]
    [InlineData("", "connection=host=db password=a b=c",
        "connection: has an option Crema does not know (its name is not shown: it may be part of a password; quote values with spaces in single quotes); server settings go in options, for example options='-c statement_timeout=5000'")]
    [InlineData("", "connection=host=db password='unterminated", "connection: has a quoted value without its closing quote")]
    [InlineData("", "connection=host=db hostaddr=10.0.0.1", "connection: uses hostaddr, which Crema does not support")]
    [InlineData("", "connection=postgresql://u:p%zz@db/app", "connection: has a bad percent-encoded character in the URL's password")]
    [InlineData("", "connection=postgresql:///app?sslmode=require", "connection: names no host (give host, or a host in the URL)")]
    [InlineData("", "connection=host=db sslmode=sometimes", "connection: has an sslmode that is not one of: disable, allow, prefer, require, verify-ca, verify-full")]
    [InlineData("", "connection=host=db sslcert=/c.pem", "connection: needs both sslcert and sslkey for a client certificate")]
    [InlineData("", "connection=host=db connect_timeout=soon", "connection: has an invalid value for connect_timeout")]
    public void Bind_KedaAndCremaCases_ReportExactlyTheseErrors(string metadata, string auth, string expected)
    {
        var (_, errors) = PostgreSqlTriggers.Bind(metadata, auth, environment: Env);

        string.Join("; ", errors).ShouldBe(expected);
    }

    [Fact]
    public void Bind_Fields_BuildsTheConnectionKedaBuilds()
    {
        var (metadata, errors) = PostgreSqlTriggers.Bind("host=localhost|port=1234|dbName=testDb|userName=user|sslmode=require|activationTargetQueryValue=3.5|targetQueryValue=1.1");

        errors.ShouldBeEmpty();
        metadata.Query.ShouldBe(new Crema.Scalers.Sql.SqlQuery("SELECT 1", 1.1, 3.5));
        var built = new NpgsqlConnectionStringBuilder(metadata.Connection.ConnectionString);
        (built.Host, built.Port, built.Username, built.Database, built.SslMode, built.Password).ShouldBe(("localhost", 1234, "user", "testDb", SslMode.Require, null));
        built.ApplicationName.ShouldBe("crema");
        metadata.Connection.Identity.ShouldBe("postgresql localhost:1234/testDb as user \"user\"");
    }

    [Fact]
    public void Bind_MultipleHosts_EachGetsThePort()
    {
        var (metadata, errors) = PostgreSqlTriggers.Bind("host=host1,host2|port=1234|dbName=testDb|userName=user|sslmode=require");

        errors.ShouldBeEmpty();
        new NpgsqlConnectionStringBuilder(metadata.Connection.ConnectionString).Host.ShouldBe("host1:1234,host2:1234");
        metadata.Connection.Identity.ShouldBe("postgresql host1:1234,host2:1234/testDb as user \"user\"");
    }

    [Fact]
    public void Bind_ValuesWithSpacesAndKeywords_CannotInjectAKeyword()
    {
        // KEDA's TestPostgreSQLConnectionStringGenerationEscapesWhitespace: the value stays one value.
        var (metadata, errors) = PostgreSqlTriggers.Bind("host=db.example|port=5432|dbName=testdb|userName=user\tsslmode=disable|sslmode=require", "password=secret\nhost=attacker");

        errors.ShouldBeEmpty();
        var built = new NpgsqlConnectionStringBuilder(metadata.Connection.ConnectionString);
        (built.Host, built.Username, built.Password, built.SslMode).ShouldBe(("db.example", "user\tsslmode=disable", "secret\nhost=attacker", SslMode.Require));
    }

    [Fact]
    public void Bind_ConnectionFromAuthParams_WinsOverTheEnvironment()
    {
        var (metadata, errors) = PostgreSqlTriggers.Bind("connectionFromEnv=CONN", "connection=host=from-auth",
            environment: new Dictionary<string, string> { ["CONN"] = "host=from-env" });

        errors.ShouldBeEmpty();
        new NpgsqlConnectionStringBuilder(metadata.Connection.ConnectionString).Host.ShouldBe("from-auth");
    }

    [Fact]
    public void Validate_SecretsNotYetKnown_PresenceIsEnough()
    {
        var validation = PostgreSqlTriggers.Factory.Validate(PostgreSqlTriggers.Context("host=db|port=5432|sslmode=require", "userName=|dbName=|password=", validationOnly: true));

        validation.Errors.ShouldBeEmpty();
        PostgreSqlTriggers.Factory.Validate(PostgreSqlTriggers.Context("", "connection=", validationOnly: true)).Errors.ShouldBeEmpty();
        PostgreSqlTriggers.Factory.Validate(PostgreSqlTriggers.Context("connectionFromEnv=PG_CONN", validationOnly: true)).Errors.ShouldBeEmpty();
    }

    [Fact]
    public void Validate_KeysReadFromElsewhere_WarnWhereTheyAreRead()
    {
        var validation = PostgreSqlTriggers.Factory.Validate(PostgreSqlTriggers.Context("connection=host=db|password=p|hostFromEnv=H|connectionFromEnv=C", validationOnly: true));

        validation.Errors.ShouldBeEmpty();
        validation.Warnings.Select(w => w.ToString()).ShouldBe([
            "connection: is ignored: connection is read only from the authenticationRef's parameters or connectionFromEnv, not from metadata",
            "hostFromEnv: is ignored: host is read only from metadata or the authenticationRef's parameters, not from the environment",
            "password: is ignored: password is read only from the authenticationRef's parameters or passwordFromEnv, not from metadata",
        ]);
    }

    [Theory]
    [InlineData(PostgreSqlTriggers.Fields, "", "")]
    [InlineData(PostgreSqlTriggers.Fields, "password=p", "password: cannot be combined with podIdentity gcp (the access token is the password)")]
    [InlineData("host=db|port=5432|userName=u|dbName=d|sslmode=prefer", "",
        "sslmode: must be require, verify-ca or verify-full with podIdentity gcp (the access token is a password; or connect through the Cloud SQL socket, host=/cloudsql/PROJECT:REGION:INSTANCE)")]
    [InlineData("host=/cloudsql/p:r:i|port=5432|userName=u|dbName=d|sslmode=disable", "", "")]
    [InlineData("", "connection=postgresql://sa%40p.iam@10.0.0.3/app?sslmode=verify-ca&sslrootcert=/secrets/ca.pem", "")]
    [InlineData("", "connection=postgresql://sa%40p.iam:pw@10.0.0.3/app?sslmode=require",
        "connection: has a password, which cannot be combined with podIdentity gcp (the access token is the password)")]
    public void Bind_PodIdentityGcp_TokenOnlyOverTlsOrTheCloudSqlSocket(string metadata, string auth, string expected)
    {
        var (bound, errors) = PostgreSqlTriggers.Bind(metadata, auth, podIdentity: true);

        string.Join("; ", errors).ShouldBe(expected);
        if (expected.Length == 0)
        {
            bound.Connection.UseGoogleIdentity.ShouldBeTrue();
        }
    }

    [Fact]
    public void Interpret_Value_ActiveAboveTheActivationTarget()
    {
        var context = PostgreSqlTriggers.Context(PostgreSqlTriggers.Fields + "|targetQueryValue=2|activationTargetQueryValue=4", "password=p");

        PostgreSqlTriggers.Factory.Interpret(context, 4).ShouldBe(new MetricReading(4, 2, false));
        PostgreSqlTriggers.Factory.Interpret(context, 4.5).ShouldBe(new MetricReading(4.5, 2, true));
    }

    [Fact]
    public void ToString_Metadata_ShowsNoPassword()
    {
        var (metadata, _) = PostgreSqlTriggers.Bind("", "connection=postgresql://u:S3cr3t-pw@db/app");

        metadata.ToString().ShouldNotContain("S3cr3t-pw");
        metadata.ToString().ShouldContain("postgresql db:5432/app as user \"u\"");
    }
}
