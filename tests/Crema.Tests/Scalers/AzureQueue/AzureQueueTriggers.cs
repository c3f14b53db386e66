using Crema.Abstractions;
using Crema.Scalers.AzureQueue;
using Crema.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Crema.Tests.Scalers.AzureQueue;

/// <summary>Contexts and scalers for <c>azure-queue</c> triggers: <c>"k=v|k2=v2"</c> over a baseline queue name.</summary>
internal static class AzureQueueTriggers
{
    public const string Baseline = "queueName=orders";

    /// <summary>A syntactically valid connection string for parse tests (the emulator's public development key).</summary>
    public const string SampleConnection = "DefaultEndpointsProtocol=https;AccountName=devstoreaccount1;AccountKey=" + AzuriteServer.AccountKey + ";EndpointSuffix=core.windows.net";

    public static readonly AzureQueueScalerFactory Factory = new();

    public static ScalerContext Context(string metadata, string auth = "", bool validationOnly = false, IReadOnlyDictionary<string, string>? environment = null, TimeProvider? time = null) =>
        TestTriggers.For("azure-queue", TestTriggers.Parse(metadata, Baseline), TestTriggers.Parse(auth), validationOnly: validationOnly, environment: environment, timeProvider: time);

    public static (AzureQueueMetadata Metadata, IReadOnlyList<MetadataError> Errors) Bind(string metadata, string auth = "", bool validationOnly = false, IReadOnlyDictionary<string, string>? environment = null) =>
        Factory.BindForTest(Context(metadata, auth, validationOnly, environment));

    /// <summary>A live scaler for queue <paramref name="queue"/> with <paramref name="connection"/> as the auth parameter, on a clock nobody advances unless <paramref name="time"/> is given.</summary>
    public static IScaler Create(string connection, string queue, string metadata = "", TimeProvider? time = null) =>
        Factory.Create(Context($"queueName={queue}|" + metadata, "connection=" + connection, time: time ?? new FakeTimeProvider()));
}
