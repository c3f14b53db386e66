using Crema.Abstractions;

namespace Crema.Scalers.MySql;

/// <summary>
/// The metadata keys of KEDA's mysql scaler (pkg/scalers/mysql_scaler.go), declared once with KEDA's names and
/// lookup order (its <c>order=</c> tag). KEDA's docs also list hostFromEnv and portFromEnv, which its code does
/// not read: neither does Crema (the binder says so).
/// </summary>
internal static class MySqlKeys
{
    private static readonly KeySource[] MetadataThenAuth = [KeySource.TriggerMetadata, KeySource.AuthParams];
    private static readonly KeySource[] AuthThenEnv = [KeySource.AuthParams, KeySource.ResolvedEnv];

    public static readonly MetadataKey Query = MetadataKey.Named("query").From(KeySource.TriggerMetadata).Required();
    public static readonly MetadataKey QueryValue = MetadataKey.Named("queryValue").From(KeySource.TriggerMetadata).Required().Positive();
    public static readonly MetadataKey ActivationQueryValue = MetadataKey.Named("activationQueryValue").From(KeySource.TriggerMetadata).Default("0");

    /// <summary>Accepted and unused, as in KEDA (which names the metric itself).</summary>
    public static readonly MetadataKey MetricName = MetadataKey.Named("metricName").From(KeySource.TriggerMetadata);

    // A whole Go DSN (user:password@tcp(host:3306)/dbname?params) replaces the fields below.
    public static readonly MetadataKey ConnectionString = MetadataKey.Named("connectionString").From(AuthThenEnv);

    public static readonly MetadataKey Username = MetadataKey.Named("username").From(KeySource.TriggerMetadata, KeySource.AuthParams, KeySource.ResolvedEnv);
    public static readonly MetadataKey Password = MetadataKey.Named("password").From(AuthThenEnv);
    public static readonly MetadataKey Host = MetadataKey.Named("host").From(MetadataThenAuth);
    public static readonly MetadataKey Port = MetadataKey.Named("port").From(MetadataThenAuth);
    public static readonly MetadataKey DbName = MetadataKey.Named("dbName").From(MetadataThenAuth);
}
