using Crema.Abstractions;

namespace Crema.Scalers.Gcp.Stackdriver;

/// <summary>
/// Every key of a <c>gcp-stackdriver</c> trigger, declared once with KEDA 2.20's names, sources and defaults
/// (pkg/scalers/gcp_stackdriver_scaler.go, <c>stackdriverMetadata</c>): all read from trigger metadata only
/// (no <c>keyFromEnv</c>). The credential keys are <see cref="Monitoring.GcpCredentialKeys"/>.
/// </summary>
internal static class StackdriverKeys
{
    /// <summary>The project whose metrics are read. Required.</summary>
    public static readonly MetadataKey ProjectId = MetadataKey.Named("projectId").From(KeySource.TriggerMetadata).Required();

    /// <summary>The Monitoring filter; must name a metric.type. Required.</summary>
    public static readonly MetadataKey Filter = MetadataKey.Named("filter").From(KeySource.TriggerMetadata).Required();

    /// <summary>Target per replica. Default 5, &gt; 0 (KEDA sets no bound; a target of 0 cannot scale).</summary>
    public static readonly MetadataKey TargetValue = MetadataKey.Named("targetValue").From(KeySource.TriggerMetadata).Default("5").Positive();

    /// <summary>Active above this value. Default 0.</summary>
    public static readonly MetadataKey ActivationTargetValue = MetadataKey.Named("activationTargetValue").From(KeySource.TriggerMetadata).Default("0");

    /// <summary>Value when no point is found. Default none (an error).</summary>
    public static readonly MetadataKey ValueIfNull = MetadataKey.Named("valueIfNull").From(KeySource.TriggerMetadata);

    /// <summary>Minutes to look back, an integer. Default 2 (0 or less means 2, as in KEDA).</summary>
    public static readonly MetadataKey FilterDuration = MetadataKey.Named("filterDuration").From(KeySource.TriggerMetadata);

    /// <summary>Alignment period in seconds: 0 (none) or at least 60. Default none.</summary>
    public static readonly MetadataKey AlignmentPeriodSeconds = MetadataKey.Named("alignmentPeriodSeconds").From(KeySource.TriggerMetadata);

    /// <summary>Per-series aligner (KEDA's short names or ALIGN_*). Default none.</summary>
    public static readonly MetadataKey AlignmentAligner = MetadataKey.Named("alignmentAligner").From(KeySource.TriggerMetadata);

    /// <summary>Cross-series reducer (KEDA's short names or REDUCE_*). Default none.</summary>
    public static readonly MetadataKey AlignmentReducer = MetadataKey.Named("alignmentReducer").From(KeySource.TriggerMetadata);
}
