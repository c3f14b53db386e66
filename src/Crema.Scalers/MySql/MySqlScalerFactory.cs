using System.Data.Common;
using Crema.Abstractions;
using Crema.Scalers.Sql;
using MySqlConnector;
using Keys = Crema.Scalers.MySql.MySqlKeys;

namespace Crema.Scalers.MySql;

/// <summary>Builds <c>mysql</c> scalers: the number a SQL query returns, read with MySqlConnector (MySQL and MariaDB).</summary>
internal sealed class MySqlScalerFactory(SqlDataSourcePool? pool = null) : ScalerFactory<MySqlMetadata>
{
    private const string WithoutConnectionString = "or give connectionString";

    /// <summary>How often a Google access token is asked for again with podIdentity gcp (the host renews it before it expires).</summary>
    private static readonly TimeSpan TokenRefresh = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan TokenRetry = TimeSpan.FromSeconds(10);

    private readonly SqlDataSourcePool pool = pool ?? SqlDataSourcePool.Process;

    public override string Type => "mysql";

    /// <inheritdoc />
    public override string Description => "the number a MySQL or MariaDB query returns";

    protected override MySqlMetadata Bind(MetadataBinder binder)
    {
        var query = new SqlQuery(
            binder.RequiredString(Keys.Query),
            binder.Double(Keys.QueryValue),
            binder.Double(Keys.ActivationQueryValue));
        binder.String(Keys.MetricName);
        var googleIdentity = binder.Context.UsePodIdentity;
        var connectionString = binder.String(Keys.ConnectionString);
        var hasConnectionString = binder.Has(Keys.ConnectionString);

        // KEDA reads the fields either way and uses them only without a connection string.
        string Field(MetadataKey key, bool required = true) =>
            binder.String(hasConnectionString || !required ? key : key.Required(WithoutConnectionString)) ?? string.Empty;
        var host = Field(Keys.Host);
        var port = Field(Keys.Port);
        var user = Field(Keys.Username);
        var dbName = Field(Keys.DbName, required: false);
        var password = binder.String(Keys.Password) ?? string.Empty;
        binder.Check(!googleIdentity || !binder.Has(Keys.Password), Keys.Password, "cannot be combined with podIdentity gcp (the access token is the password)");

        SqlConnectionSettings? connection = null;
        if (hasConnectionString)
        {
            // Empty while validating a secret: present, not yet known.
            string? error = null;
            var dsn = string.IsNullOrEmpty(connectionString) ? null : MySqlDsn.Parse(connectionString, out error);
            connection = Connection(binder, Keys.ConnectionString, dsn, error, googleIdentity);
        }
        else if (port.Length > 0 && !(uint.TryParse(port, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= 65535))
        {
            binder.Fail(Keys.Port, $"\"{port}\" is not a port number from 1 to 65535");
        }
        else if (host.Length > 0 && port.Length > 0 && user.Length > 0)
        {
            connection = Connection(binder, Keys.Host, MySqlSettings.FromFields(host, port, user, password, dbName), null, googleIdentity);
        }
        return new MySqlMetadata(query, connection ?? SqlConnectionSettings.Unresolved);
    }

    protected override MetricReading ToReading(MySqlMetadata metadata, double value) => metadata.ToReading(value);

    protected override IScaler Create(MySqlMetadata metadata, ScalerContext context)
    {
        var connection = metadata.Connection;
        var tokens = context.Services.GoogleTokens;
        var lease = pool.Acquire(connection.SharingKey(Type), () => DataSource(connection, tokens));
        return new SqlScaler(metadata.Query, new SqlSource(lease, connection, MySqlDialect.Instance, context.TimeProvider));
    }

    private static DbDataSource DataSource(SqlConnectionSettings connection, IAccessTokenSource? tokens)
    {
        var builder = new MySqlDataSourceBuilder(connection.ConnectionString);
        if (connection.UseGoogleIdentity)
        {
            builder.UsePeriodicPasswordProvider((_, cancellationToken) => CloudSqlIamLogin.PasswordAsync(tokens, cancellationToken), TokenRefresh, TokenRetry);
        }
        return builder.Build();
    }

    /// <summary>The settings for a parsed DSN, with podIdentity gcp's rules: no password of its own, and TLS (or a Unix socket) for the token.</summary>
    private static SqlConnectionSettings? Connection(MetadataBinder binder, MetadataKey key, MySqlDsn? dsn, string? parseError, bool googleIdentity)
    {
        if (dsn is null)
        {
            if (parseError is not null)
            {
                binder.Fail(key, parseError);
            }
            return null;
        }
        var connection = MySqlSettings.ToConnection(dsn, googleIdentity, out var error);
        if (connection is null)
        {
            binder.Fail(key, error!);
            return null;
        }
        if (googleIdentity)
        {
            binder.Check(dsn.Password.Length == 0 || key != Keys.ConnectionString, key, "has a password, which cannot be combined with podIdentity gcp (the access token is the password)");
            var mode = new MySqlConnectionStringBuilder(connection.ConnectionString);
            binder.Check(mode.SslMode is MySqlSslMode.Required or MySqlSslMode.VerifyCA or MySqlSslMode.VerifyFull || dsn.Net == "unix", key,
                (key == Keys.Host ? "cannot be used with podIdentity gcp: host, port and username connect without TLS; give a connectionString with tls=true" : "needs tls=true or tls=skip-verify with podIdentity gcp")
                + " (the access token is a password), or connect through the Cloud SQL socket: unix(/cloudsql/PROJECT:REGION:INSTANCE)");
        }
        return connection;
    }
}
