using Crema.Abstractions;
using Crema.Scalers.PostgreSql;
using Crema.Scalers.Sql;
using Crema.Tests.Support;

namespace Crema.Tests.Scalers.PostgreSql;

/// <summary>Contexts and scalers for <c>postgresql</c> triggers: <c>"k=v|k2=v2"</c> over a baseline query and target.</summary>
internal static class PostgreSqlTriggers
{
    public const string Baseline = "query=SELECT 1|targetQueryValue=5";

    public const string Fields = "host=db.internal|port=5432|userName=scaler|dbName=jobs|sslmode=require";

    public static readonly PostgreSqlScalerFactory Factory = new();

    public static ScalerContext Context(
        string metadata,
        string auth = "",
        bool validationOnly = false,
        IReadOnlyDictionary<string, string>? environment = null,
        TimeProvider? time = null,
        bool podIdentity = false,
        IScalerServices? services = null) =>
        TestTriggers.For("postgresql", TestTriggers.Parse(metadata, Baseline), TestTriggers.Parse(auth), validationOnly: validationOnly,
            podIdentity: podIdentity, environment: environment, timeProvider: time, services: services);

    public static (PostgreSqlMetadata Metadata, IReadOnlyList<MetadataError> Errors) Bind(
        string metadata, string auth = "", bool validationOnly = false, IReadOnlyDictionary<string, string>? environment = null, bool podIdentity = false) =>
        Factory.BindForTest(Context(metadata, auth, validationOnly, environment, podIdentity: podIdentity));

    /// <summary>The trigger's fields for the fixture's database as its owner (password as an auth parameter).</summary>
    public static string FieldsFor(PostgreSqlServer server, string sslmode = "disable") =>
        $"host=127.0.0.1|port={server.PortText}|userName={PostgreSqlServerFixture.User}|dbName={PostgreSqlServerFixture.Database}|sslmode={sslmode}";

    /// <summary>A live scaler with its own pool (so tests do not share data sources).</summary>
    public static IScaler Create(
        string metadata, string auth = "", SqlDataSourcePool? pool = null, TimeProvider? time = null, bool podIdentity = false,
        IScalerServices? services = null, IReadOnlyDictionary<string, string>? environment = null) =>
        new PostgreSqlScalerFactory(pool ?? new SqlDataSourcePool()).Create(Context(metadata, auth, environment: environment, time: time, podIdentity: podIdentity, services: services));
}
