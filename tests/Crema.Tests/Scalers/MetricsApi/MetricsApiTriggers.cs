using Crema.Abstractions;
using Crema.Scalers.MetricsApi;
using Crema.Tests.Support;

namespace Crema.Tests.Scalers.MetricsApi;

/// <summary>Builds metrics-api trigger contexts and scalers for tests from compact "key=value|key=value" texts.</summary>
internal static class MetricsApiTriggers
{
    public const string ValidMetadata = "url=http://api.example:3232/api/v1/stats|valueLocation=components.worker.tasks|targetValue=8.8";

    public static ScalerContext Context(
        string changes,
        string auth = "",
        bool validationOnly = false,
        bool podIdentity = false,
        string baseline = ValidMetadata,
        TimeProvider? timeProvider = null,
        IScalerServices? services = null) =>
        TestTriggers.For("metrics-api", TestTriggers.Parse(changes, baseline), TestTriggers.Parse(auth), validationOnly, podIdentity,
            environmentLookup: _ => null, services: services, timeProvider: timeProvider);

    public static (MetricsApiMetadata Metadata, IReadOnlyList<MetadataError> Errors) Bind(
        string changes, string auth = "", bool validationOnly = false, bool podIdentity = false, string baseline = ValidMetadata) =>
        new MetricsApiScalerFactory().BindForTest(Context(changes, auth, validationOnly, podIdentity, baseline));

    /// <summary>
    /// One read of a scaler for <paramref name="url"/> with the given metadata changes; <paramref name="valueLocation"/>
    /// is set on its own, since a GJSON path may hold the '|' that separates the compact entries.
    /// </summary>
    public static async Task<MetricReading> ReadAsync(string url, string changes, string auth = "", TimeProvider? time = null, string? valueLocation = null)
    {
        var metadata = TestTriggers.Parse($"url={url}|{changes}", ValidMetadata);
        if (valueLocation is not null)
        {
            metadata["valueLocation"] = valueLocation;
        }
        var context = TestTriggers.For("metrics-api", metadata, TestTriggers.Parse(auth), environmentLookup: _ => null, timeProvider: time);
        await using var scaler = new MetricsApiScalerFactory().Create(context);
        return await scaler.ReadAsync(CancellationToken.None);
    }
}
