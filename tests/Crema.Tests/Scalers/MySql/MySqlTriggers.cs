using Crema.Abstractions;
using Crema.Scalers.MySql;
using Crema.Scalers.Sql;
using Crema.Tests.Support;

namespace Crema.Tests.Scalers.MySql;

/// <summary>Contexts and scalers for <c>mysql</c> triggers: <c>"k=v|k2=v2"</c> over a baseline query and target.</summary>
internal static class MySqlTriggers
{
    public const string Baseline = "query=SELECT 1|queryValue=5";

    public static readonly MySqlScalerFactory Factory = new();

    public static ScalerContext Context(
        string metadata, string auth = "", bool validationOnly = false, IReadOnlyDictionary<string, string>? environment = null,
        TimeProvider? time = null, bool podIdentity = false, IScalerServices? services = null) =>
        TestTriggers.For("mysql", TestTriggers.Parse(metadata, Baseline), TestTriggers.Parse(auth), validationOnly: validationOnly,
            podIdentity: podIdentity, environment: environment, timeProvider: time, services: services);

    public static (MySqlMetadata Metadata, IReadOnlyList<MetadataError> Errors) Bind(
        string metadata, string auth = "", bool validationOnly = false, IReadOnlyDictionary<string, string>? environment = null, bool podIdentity = false) =>
        Factory.BindForTest(Context(metadata, auth, validationOnly, environment, podIdentity: podIdentity));

    /// <summary>The fixture's database as its reader, in KEDA's separate fields (the password goes as an auth parameter).</summary>
    public static string FieldsFor(MariaDbServer server) =>
        $"host=127.0.0.1|port={server.PortText}|username={MariaDbServerFixture.User}|dbName={MariaDbServerFixture.Database}";

    /// <summary>The fixture's database as a Go DSN with <paramref name="parameters"/> after '?'.</summary>
    public static string DsnFor(MariaDbServer server, string parameters = "", string user = MariaDbServerFixture.User, string password = MariaDbServerFixture.Password) =>
        $"{user}:{password}@tcp(127.0.0.1:{server.PortText})/{MariaDbServerFixture.Database}{(parameters.Length > 0 ? "?" + parameters : "")}";

    /// <summary>A live scaler with its own pool (so tests do not share data sources).</summary>
    public static IScaler Create(
        string metadata, string auth = "", SqlDataSourcePool? pool = null, TimeProvider? time = null, bool podIdentity = false, IScalerServices? services = null) =>
        new MySqlScalerFactory(pool ?? new SqlDataSourcePool()).Create(Context(metadata, auth, time: time, podIdentity: podIdentity, services: services));
}
