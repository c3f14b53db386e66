using Crema.Abstractions;

namespace Crema.Scalers.Cron;

/// <summary>The metadata keys of a <c>cron</c> trigger, as KEDA declares them: all required, read from trigger metadata only (no <c>keyFromEnv</c>).</summary>
internal static class CronKeys
{
    /// <summary>IANA time zone name the schedules are read in (for example <c>Europe/Berlin</c>).</summary>
    public static readonly MetadataKey Timezone = MetadataKey.Named("timezone").From(KeySource.TriggerMetadata).Required();

    /// <summary>Five-field cron expression: when the window opens.</summary>
    public static readonly MetadataKey Start = MetadataKey.Named("start").From(KeySource.TriggerMetadata).Required();

    /// <summary>Five-field cron expression: when the window closes.</summary>
    public static readonly MetadataKey End = MetadataKey.Named("end").From(KeySource.TriggerMetadata).Required();

    /// <summary>Replicas wanted inside the window (an integer &gt;= 1).</summary>
    public static readonly MetadataKey DesiredReplicas = MetadataKey.Named("desiredReplicas").From(KeySource.TriggerMetadata).Required().Range(min: 1);
}
