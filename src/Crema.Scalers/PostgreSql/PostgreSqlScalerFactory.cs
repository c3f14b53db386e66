using System.Data.Common;
using Crema.Abstractions;
using Crema.Scalers.Sql;
using Npgsql;
using Keys = Crema.Scalers.PostgreSql.PostgreSqlKeys;

namespace Crema.Scalers.PostgreSql;

/// <summary>Builds <c>postgresql</c> scalers: the number a SQL query returns, read with Npgsql.</summary>
internal sealed class PostgreSqlScalerFactory(SqlDataSourcePool? pool = null) : ScalerFactory<PostgreSqlMetadata>
{
    private const string WithoutConnection = "or give connection";

    private readonly SqlDataSourcePool pool = pool ?? SqlDataSourcePool.Process;

    public override string Type => "postgresql";

    /// <inheritdoc />
    public override string Description => "the number a PostgreSQL query returns";

    protected override PostgreSqlMetadata Bind(MetadataBinder binder)
    {
        var query = new SqlQuery(
            binder.RequiredString(Keys.Query),
            binder.Double(Keys.TargetQueryValue),
            binder.Double(Keys.ActivationTargetQueryValue));
        var googleIdentity = binder.Context.UsePodIdentity;
        var connectionText = binder.String(Keys.Connection);
        var hasConnection = binder.Has(Keys.Connection);

        // KEDA reads the fields either way and uses them only without a connection string.
        string? Field(MetadataKey key) => binder.String(hasConnection ? key : key.Required(WithoutConnection));
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["host"] = Field(Keys.Host),
            ["port"] = Field(Keys.Port),
            ["user"] = Field(Keys.UserName),
            ["dbname"] = Field(Keys.DbName),
            ["sslmode"] = Field(Keys.SslMode),
        };
        var password = binder.String(Keys.Password);
        binder.Check(!googleIdentity || !binder.Has(Keys.Password), Keys.Password, "cannot be combined with podIdentity gcp (the access token is the password)");

        var connection = hasConnection
            ? FromConnectionString(binder, connectionText, googleIdentity)
            : FromFields(binder, fields, password, googleIdentity);
        return new PostgreSqlMetadata(query, connection ?? SqlConnectionSettings.Unresolved);
    }

    protected override MetricReading ToReading(PostgreSqlMetadata metadata, double value) => metadata.ToReading(value);

    protected override IScaler Create(PostgreSqlMetadata metadata, ScalerContext context)
    {
        var connection = metadata.Connection;
        var tokens = context.Services.GoogleTokens;
        var lease = pool.Acquire(connection.SharingKey(Type), () => DataSource(connection, tokens));
        return new SqlScaler(metadata.Query, new SqlSource(lease, connection, PostgreSqlDialect.Instance, context.TimeProvider));
    }

    private static DbDataSource DataSource(SqlConnectionSettings connection, IAccessTokenSource? tokens)
    {
        var builder = new NpgsqlDataSourceBuilder(connection.ConnectionString);
        if (connection.UseGoogleIdentity)
        {
            builder.UsePasswordProvider(
                _ => throw new NotSupportedException("connections are opened asynchronously"),
                (_, cancellationToken) => CloudSqlIamLogin.PasswordAsync(tokens, cancellationToken));
        }
        return builder.Build();
    }

    private static SqlConnectionSettings? FromConnectionString(MetadataBinder binder, string? text, bool googleIdentity)
    {
        // Empty while validating a secret: present, not yet known.
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        var settings = PostgreSqlConnectionString.Parse(text, out var error);
        var connection = settings is null ? null : PostgreSqlSettings.ToConnection(settings, googleIdentity, out error);
        if (connection is null)
        {
            binder.Fail(Keys.Connection, error!);
            return null;
        }
        if (googleIdentity && settings!.ContainsKey("password"))
        {
            binder.Fail(Keys.Connection, "has a password, which cannot be combined with podIdentity gcp (the access token is the password)");
        }
        CheckGoogleTls(binder, Keys.Connection, settings!, googleIdentity);
        return connection;
    }

    private static SqlConnectionSettings? FromFields(MetadataBinder binder, Dictionary<string, string?> fields, string? password, bool googleIdentity)
    {
        // The port is checked even when another field is a secret not read while validating.
        var settings = fields.Where(f => !string.IsNullOrEmpty(f.Value)).ToDictionary(f => f.Key, f => f.Value!, StringComparer.Ordinal);
        if (settings.TryGetValue("port", out var port) && !PostgreSqlSettings.TryParsePorts(port.Split(',', StringSplitOptions.TrimEntries), out _))
        {
            binder.Fail(Keys.Port, $"\"{port}\" is not a port number from 1 to 65535 (or a comma-separated list of them, one per host)");
            return null;
        }
        if (settings.Count < fields.Count)
        {
            return null;
        }
        if (!string.IsNullOrEmpty(password))
        {
            settings["password"] = password;
        }
        var connection = PostgreSqlSettings.ToConnection(settings, googleIdentity, out var error);
        if (connection is null)
        {
            binder.Fail(Keys.Host, error!);
            return null;
        }
        CheckGoogleTls(binder, Keys.SslMode, settings, googleIdentity);
        return connection;
    }

    /// <summary>An access token is a password: with podIdentity gcp it travels only over TLS, or over Cloud Run's own Cloud SQL socket.</summary>
    private static void CheckGoogleTls(MetadataBinder binder, MetadataKey key, IReadOnlyDictionary<string, string> settings, bool googleIdentity)
    {
        var mode = settings.GetValueOrDefault("sslmode", "prefer");
        var socket = settings.GetValueOrDefault("host", string.Empty).StartsWith('/');
        binder.Check(!googleIdentity || socket || mode is "require" or "verify-ca" or "verify-full", key,
            "must be require, verify-ca or verify-full with podIdentity gcp (the access token is a password; or connect through the Cloud SQL socket, host=/cloudsql/PROJECT:REGION:INSTANCE)");
    }
}
