using Crema.Abstractions;
using Crema.Scalers.Beanstalkd;
using Crema.Tests.Support;

namespace Crema.Tests.Scalers.Beanstalkd;

/// <summary>Builds beanstalkd trigger contexts for tests from a compact "key=value|key=value" text.</summary>
internal static class BeanstalkdTriggers
{
    public const string ValidMetadata = "server=localhost:3000|tube=default|value=5";

    public static BeanstalkdScalerFactory Factory { get; } = new();

    public static ScalerContext Context(string metadata, bool validationOnly = false, TimeProvider? timeProvider = null, string baseline = ValidMetadata) =>
        TestTriggers.For("beanstalkd", TestTriggers.Parse(metadata, baseline), validationOnly: validationOnly, timeProvider: timeProvider);

    public static (BeanstalkdMetadata Metadata, IReadOnlyList<MetadataError> Errors) Bind(string metadata, string baseline = ValidMetadata) =>
        Factory.BindForTest(Context(metadata, baseline: baseline));

    /// <summary>A scaler for <paramref name="server"/> and <paramref name="tube"/>.</summary>
    public static IScaler Scaler(string server, string tube, TimeProvider timeProvider, string extra = "") =>
        ((IScalerFactory)Factory).Create(Context($"server={server}|tube={tube}|{extra}", timeProvider: timeProvider));
}
