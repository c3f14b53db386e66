using Crema.Abstractions;

namespace Crema.Scalers.PostgreSql;

/// <summary>
/// The metadata keys of KEDA's postgresql scaler (pkg/scalers/postgresql_scaler.go), declared once with KEDA's
/// names and lookup order (its <c>order=</c> tag).
/// </summary>
internal static class PostgreSqlKeys
{
    private static readonly KeySource[] AuthThenMetadata = [KeySource.AuthParams, KeySource.TriggerMetadata];
    private static readonly KeySource[] AuthThenEnv = [KeySource.AuthParams, KeySource.ResolvedEnv];

    /// <summary>The libpq sslmode values (pgx, KEDA's driver, rejects any other).</summary>
    public static readonly string[] SslModes = ["disable", "allow", "prefer", "require", "verify-ca", "verify-full"];

    public static readonly MetadataKey Query = MetadataKey.Named("query").From(KeySource.TriggerMetadata).Required();
    public static readonly MetadataKey TargetQueryValue = MetadataKey.Named("targetQueryValue").From(KeySource.TriggerMetadata).Required().Positive();
    public static readonly MetadataKey ActivationTargetQueryValue = MetadataKey.Named("activationTargetQueryValue").From(KeySource.TriggerMetadata).Default("0");

    // A whole connection string (libpq keyword/value or postgresql:// URL) replaces the fields below.
    public static readonly MetadataKey Connection = MetadataKey.Named("connection").From(AuthThenEnv);

    public static readonly MetadataKey Host = MetadataKey.Named("host").From(AuthThenMetadata);
    public static readonly MetadataKey Port = MetadataKey.Named("port").From(AuthThenMetadata);
    public static readonly MetadataKey UserName = MetadataKey.Named("userName").From(AuthThenMetadata);
    public static readonly MetadataKey DbName = MetadataKey.Named("dbName").From(AuthThenMetadata);
    public static readonly MetadataKey SslMode = MetadataKey.Named("sslmode").From(AuthThenMetadata).OneOf(SslModes);
    public static readonly MetadataKey Password = MetadataKey.Named("password").From(AuthThenEnv);
}
