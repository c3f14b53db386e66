using Crema.Abstractions;
using Crema.Scalers.Temporal;
using Crema.Tests.Support;

namespace Crema.Tests.Scalers.Temporal;

/// <summary>Contexts and scalers for <c>temporal</c> triggers: <c>"k=v|k2=v2"</c> over a baseline endpoint and task queue.</summary>
internal static class TemporalTriggers
{
    public const string Baseline = "endpoint=temporal.internal:7233|taskQueue=orders";

    public static readonly TemporalScalerFactory Factory = new();

    public static ScalerContext Context(string metadata, string auth = "", bool validationOnly = false, IReadOnlyDictionary<string, string>? environment = null, TimeProvider? time = null) =>
        TestTriggers.For("temporal", TestTriggers.Parse(metadata, Baseline), TestTriggers.Parse(auth), validationOnly: validationOnly, environment: environment, timeProvider: time);

    public static (TemporalMetadata Metadata, IReadOnlyList<MetadataError> Errors) Bind(string metadata, string auth = "", bool validationOnly = false, IReadOnlyDictionary<string, string>? environment = null) =>
        Factory.BindForTest(Context(metadata, auth, validationOnly, environment));

    /// <summary>A live scaler against <paramref name="server"/>.</summary>
    public static IScaler Create(TemporalFrontendServer server, string metadata = "", string auth = "", TimeProvider? time = null) =>
        Factory.Create(Context($"endpoint={server.Endpoint}|" + metadata, auth, time: time));
}
