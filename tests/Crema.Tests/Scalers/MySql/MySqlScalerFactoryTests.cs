using Crema.Abstractions;
using MySqlConnector;

namespace Crema.Tests.Scalers.MySql;

/// <summary>
/// Binding every key of the <c>mysql</c> trigger, with KEDA 2.20's mysql_scaler_test.go cases transcribed. Its
/// metric-name cases do not apply (Crema names no HPA metric); its connection string cases compare the connection
/// MySqlConnector is given with the DSN KEDA builds or passes on.
/// </summary>
public sealed class MySqlScalerFactoryTests
{
    private const string Required = ", in metadata or as a parameter of the trigger's authenticationRef";

    private static readonly Dictionary<string, string> Env = new()
    {
        ["MYSQL_USERNAME"] = "test_username",
        ["MYSQL_PASSWORD"] = "pass",
        ["MYSQL_CONN_STR"] = "user@tcp(http://my.mysql.dev:3306)/stats_db",
    };

    // KEDA's testMySQLMetadata in its order, with Crema's outcome. KEDA's placeholder port "test_port" (which its
    // driver rejects only when connecting) is rejected here when the config is read; host, port and username are
    // required without a connection string (KEDA connects to ":" and fails).
    [Theory]
    [InlineData("-query|-queryValue", "",
        "query: is required; queryValue: is required; host: is required (or give connectionString)" + Required + "; port: is required (or give connectionString)" + Required
        + "; username: is required (or give connectionString)" + Required)]
    [InlineData("query=query|queryValue=12|connectionStringFromEnv=MYSQL_CONN_STR", "", "")]
    [InlineData("query=query|queryValue=12|host=test_host|port=test_port|username=test_username|passwordFromEnv=MYSQL_PASSWORD|dbName=test_dbname", "",
        "port: \"test_port\" is not a port number from 1 to 65535")]
    [InlineData("query=query|queryValue=12|host=test_host|port=3306|usernameFromEnv=MYSQL_USERNAME|passwordFromEnv=MYSQL_PASSWORD|dbName=test_dbname", "", "")]
    [InlineData("query=query|queryValue=12", "host=test_host|port=3306|username=test_username|password=MYSQL_PASSWORD|dbName=test_dbname", "")]
    [InlineData("query=query|queryValue=12|activationQueryValue=AA", "host=test_host|port=3306|username=test_username|password=MYSQL_PASSWORD|dbName=test_dbname",
        "activationQueryValue: \"AA\" is not a number")]
    [InlineData("query=query|queryValue=12|activationQueryValue=AA", "host=test_host|port=3306|password=MYSQL_PASSWORD|dbName=test_dbname",
        "activationQueryValue: \"AA\" is not a number; username: is required (or give connectionString)" + Required)]
    // Crema's further checks, each with its exact message.
    [InlineData("queryValue=0|connectionStringFromEnv=MYSQL_CONN_STR", "", "queryValue: must be > 0, found 0")]
    [InlineData("connectionStringFromEnv=MYSQL_CONN_STR|metricName=anything", "", "")]
    [InlineData("", "connectionString=Server=db;User ID=u;Password=p", "connectionString: looks like a MySqlConnector (ADO.NET) connection string; write it as KEDA does: user:password@tcp(host:3306)/dbname")]
    [InlineData("", "connectionString=user:pass@db:3306", "connectionString: is not a MySQL DSN: the \"/\" before the database name is missing (user:password@tcp(host:3306)/dbname)")]
    [InlineData("", "connectionString=u:p@tcp(db:3306/app", "connectionString: has a network address without its closing \")\"")]
    [InlineData("", "connectionString=u:p@tcp(db:3306)/app?tls=custom", "connectionString: has a tls value that names a TLS config registered in Go code; Crema takes true, false, skip-verify or preferred")]
    [InlineData("", "connectionString=u:p@tcp(db:3306)/app?sql_mode=ANSI", "connectionString: has the parameter sql_mode, which the Go driver sends as a system variable (SET sql_mode=...); Crema does not")]
    [InlineData("", "connectionString=u:p@tcp(db:3306)/app?parseTime=yes", "connectionString: has parseTime, which must be true or false")]
    [InlineData("", "connectionString=u:p@tcp(db:3306)/app?timeout=soon", "connectionString: has a timeout that is not a Go duration such as 5s")]
    [InlineData("", "connectionString=u:p@tcp(db:99999)/app", "connectionString: has an address that is not host:port with a port from 1 to 65535")]
    [InlineData("", "connectionString=u:p@cloudsql(p:r:i)/app", "connectionString: names a network other than tcp, tcp6 or unix (Go programs can register others; Crema cannot)")]
    [InlineData("", "connectionString=u:p@tcp(db)/a%zzb", "connectionString: has a badly escaped database name")]
    public void Bind_KedaAndCremaCases_ReportExactlyTheseErrors(string metadata, string auth, string expected)
    {
        var (_, errors) = MySqlTriggers.Bind(metadata, auth, environment: Env);

        string.Join("; ", errors).ShouldBe(expected);
    }

    [Fact]
    public void Bind_ConnectionStringFromEnv_UsedAsKedaUsesIt()
    {
        // KEDA's TestMetadataToConnectionStrUseConnStr.
        var (metadata, errors) = MySqlTriggers.Bind("connectionStringFromEnv=MYSQL_CONN_STR", environment: Env);

        errors.ShouldBeEmpty();
        var built = new MySqlConnectionStringBuilder(metadata.Connection.ConnectionString);
        (built.UserID, built.Server, built.Port, built.Database, built.SslMode).ShouldBe(("user", "http://my.mysql.dev:3306", 3306u, "stats_db", MySqlSslMode.None));
    }

    [Fact]
    public void Bind_Fields_BuildTheConnectionKedaBuilds()
    {
        // KEDA's TestMetadataToConnectionStrBuildNew (with a numeric port): test_username:pass@tcp(test_host:3307)/test_dbname.
        var (metadata, errors) = MySqlTriggers.Bind("host=test_host|port=3307|username=test_username|passwordFromEnv=MYSQL_PASSWORD|dbName=test_dbname|queryValue=4.4|activationQueryValue=5.4", environment: Env);

        errors.ShouldBeEmpty();
        metadata.Query.ShouldBe(new Crema.Scalers.Sql.SqlQuery("SELECT 1", 4.4, 5.4));
        var built = new MySqlConnectionStringBuilder(metadata.Connection.ConnectionString);
        (built.UserID, built.Password, built.Server, built.Port, built.Database).ShouldBe(("test_username", "pass", "test_host", 3307u, "test_dbname"));
        (built.SslMode, built.AllowPublicKeyRetrieval, built.TreatTinyAsBoolean).ShouldBe((MySqlSslMode.None, true, false));
        metadata.Connection.Identity.ShouldBe("mysql test_host:3307/test_dbname as user \"test_username\"");
        metadata.ToString().ShouldNotContain("pass;");
    }

    [Theory]
    [InlineData("keda:pa:ss@w/rd@tcp(db.internal:3307)/jobs", "keda", "pa:ss@w/rd", "db.internal", 3307u, "jobs", MySqlSslMode.None)]
    [InlineData("u@tcp(db)/jobs?tls=true", "u", "", "db", 3306u, "jobs", MySqlSslMode.VerifyFull)]
    [InlineData("u@tcp([::1]:3310)/?tls=skip-verify", "u", "", "::1", 3310u, "", MySqlSslMode.Required)]
    [InlineData("u@tcp(::1)/db?tls=preferred", "u", "", "::1", 3306u, "db", MySqlSslMode.Preferred)]
    [InlineData("u:p@/db", "u", "p", "127.0.0.1", 3306u, "db", MySqlSslMode.None)]
    [InlineData("/db", "", "", "127.0.0.1", 3306u, "db", MySqlSslMode.None)]
    [InlineData("u@unix(/cloudsql/p:r:i)/db%2Fx", "u", "", "/cloudsql/p:r:i", 3306u, "db/x", MySqlSslMode.None)]
    public void Bind_GoDsn_SplitAsTheGoDriverSplitsIt(string dsn, string user, string password, string server, uint port, string database, MySqlSslMode tls)
    {
        var (metadata, errors) = MySqlTriggers.Bind("", $"connectionString={dsn}");

        errors.ShouldBeEmpty();
        var built = new MySqlConnectionStringBuilder(metadata.Connection.ConnectionString);
        (built.UserID, built.Password, built.Server, built.Port, built.Database, built.SslMode).ShouldBe((user, password, server, port, database, tls));
    }

    [Fact]
    public void Validate_SecretsNotYetKnown_PresenceIsEnough()
    {
        MySqlTriggers.Factory.Validate(MySqlTriggers.Context("host=db|port=3306", "username=|password=", validationOnly: true)).Errors.ShouldBeEmpty();
        MySqlTriggers.Factory.Validate(MySqlTriggers.Context("", "connectionString=", validationOnly: true)).Errors.ShouldBeEmpty();
    }

    [Fact]
    public void Validate_HostFromEnvAsKedasDocsList_WarnsThatKedaDoesNotReadIt()
    {
        var validation = MySqlTriggers.Factory.Validate(MySqlTriggers.Context("hostFromEnv=H|portFromEnv=P|connectionStringFromEnv=C", validationOnly: true));

        validation.Errors.ShouldBeEmpty();
        validation.Warnings.Select(w => w.ToString()).ShouldBe([
            "hostFromEnv: is ignored: host is read only from metadata or the authenticationRef's parameters, not from the environment",
            "portFromEnv: is ignored: port is read only from metadata or the authenticationRef's parameters, not from the environment",
        ]);
    }

    [Theory]
    [InlineData("", "connectionString=sa@tcp(10.0.0.3:3306)/app?tls=skip-verify", "")]
    [InlineData("", "connectionString=sa@unix(/cloudsql/p:r:i)/app", "")]
    [InlineData("", "connectionString=sa@tcp(10.0.0.3:3306)/app",
        "connectionString: needs tls=true or tls=skip-verify with podIdentity gcp (the access token is a password), or connect through the Cloud SQL socket: unix(/cloudsql/PROJECT:REGION:INSTANCE)")]
    [InlineData("", "connectionString=sa:pw@tcp(10.0.0.3:3306)/app?tls=true",
        "connectionString: has a password, which cannot be combined with podIdentity gcp (the access token is the password)")]
    [InlineData("host=10.0.0.3|port=3306|username=sa", "password=x",
        "password: cannot be combined with podIdentity gcp (the access token is the password); host: cannot be used with podIdentity gcp: host, port and username connect without TLS; give a connectionString with tls=true (the access token is a password), or connect through the Cloud SQL socket: unix(/cloudsql/PROJECT:REGION:INSTANCE)")]
    public void Bind_PodIdentityGcp_TokenOnlyOverTlsOrTheCloudSqlSocket(string metadata, string auth, string expected)
    {
        var (_, errors) = MySqlTriggers.Bind(metadata, auth, podIdentity: true);

        string.Join("; ", errors).ShouldBe(expected);
    }

    [Fact]
    public void Interpret_Value_ActiveAboveTheActivationValue()
    {
        var context = MySqlTriggers.Context("connectionStringFromEnv=MYSQL_CONN_STR|queryValue=4.4|activationQueryValue=5.4", environment: Env);

        MySqlTriggers.Factory.Interpret(context, 5.4).ShouldBe(new MetricReading(5.4, 4.4, false));
        MySqlTriggers.Factory.Interpret(context, 6).ShouldBe(new MetricReading(6, 4.4, true));
    }
}
