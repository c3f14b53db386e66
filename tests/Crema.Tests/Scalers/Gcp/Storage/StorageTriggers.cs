using Crema.Abstractions;
using Crema.Scalers.Gcp.Storage;
using Crema.Tests.Support;

namespace Crema.Tests.Scalers.Gcp.Storage;

/// <summary>Contexts for <c>gcp-storage</c> triggers: <c>"k=v|k2=v2"</c> over a baseline bucket name.</summary>
internal static class StorageTriggers
{
    public const string Baseline = "bucketName=test-bucket";

    public static readonly StorageScalerFactory Factory = new();

    public static ScalerContext Context(
        string metadata, string auth = "", bool validationOnly = false, bool podIdentity = false,
        IReadOnlyDictionary<string, string>? environment = null, TimeProvider? time = null) =>
        TestTriggers.For("gcp-storage", TestTriggers.Parse(metadata, Baseline), TestTriggers.Parse(auth),
            validationOnly: validationOnly, podIdentity: podIdentity, environment: environment, timeProvider: time);

    public static (StorageMetadata Metadata, IReadOnlyList<MetadataError> Errors) Bind(
        string metadata, string auth = "", bool validationOnly = false, bool podIdentity = false, IReadOnlyDictionary<string, string>? environment = null) =>
        Factory.BindForTest(Context(metadata, auth, validationOnly, podIdentity, environment));
}
