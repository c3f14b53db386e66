using Crema.Abstractions;
using Crema.Scalers.Etcd;
using Crema.Tests.Support;

namespace Crema.Tests.Scalers.Etcd;

/// <summary>Contexts and scalers for <c>etcd</c> triggers: <c>"k=v|k2=v2"</c> over KEDA's validEtcdMetadata.</summary>
internal static class EtcdTriggers
{
    public const string Baseline = "endpoints=172.0.0.1:2379,172.0.0.2:2379,172.0.0.3:2379|watchKey=length|value=5.5|activationValue=0.5|watchProgressNotifyInterval=600";

    public static readonly EtcdScalerFactory Factory = new();

    public static ScalerContext Context(string metadata, string auth = "", bool validationOnly = false, IReadOnlyDictionary<string, string>? environment = null, TimeProvider? time = null) =>
        TestTriggers.For("etcd", TestTriggers.Parse(metadata, Baseline), TestTriggers.Parse(auth), validationOnly: validationOnly, environment: environment, timeProvider: time);

    public static (EtcdMetadata Metadata, IReadOnlyList<MetadataError> Errors) Bind(string metadata, string auth = "", bool validationOnly = false, IReadOnlyDictionary<string, string>? environment = null) =>
        Factory.BindForTest(Context(metadata, auth, validationOnly, environment));

    /// <summary>A live scaler for <paramref name="key"/> on <paramref name="endpoints"/>.</summary>
    public static EtcdScaler Create(string endpoints, string key, string metadata = "", string auth = "", TimeProvider? time = null) =>
        (EtcdScaler)Factory.Create(Context($"endpoints={endpoints}|watchKey={key}|" + metadata, auth, time: time));
}
