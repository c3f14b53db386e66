using Crema.Abstractions;

namespace Crema.Scalers.Beanstalkd;

/// <summary>
/// Every key of a <c>beanstalkd</c> trigger, declared once with KEDA 2.20's names, sources and defaults
/// (pkg/scalers/beanstalkd_scaler.go, <c>BeanstalkdMetadata</c>): all of them from trigger metadata only.
/// </summary>
internal static class BeanstalkdKeys
{
    /// <summary>host[:port] of the server; the port defaults to 11300. Required; metadata only.</summary>
    public static readonly MetadataKey Server = MetadataKey.Named("server").From(KeySource.TriggerMetadata).Required();

    /// <summary>The tube's name. Required; metadata only.</summary>
    public static readonly MetadataKey Tube = MetadataKey.Named("tube").From(KeySource.TriggerMetadata).Required();

    /// <summary>Jobs per replica, a number. Required; metadata only.</summary>
    public static readonly MetadataKey Value = MetadataKey.Named("value").From(KeySource.TriggerMetadata).Required();

    /// <summary>Active while the job count is above this. Default 0; metadata only.</summary>
    public static readonly MetadataKey ActivationValue = MetadataKey.Named("activationValue").From(KeySource.TriggerMetadata).Default("0");

    /// <summary>Count delayed jobs too. Default false; metadata only.</summary>
    public static readonly MetadataKey IncludeDelayed = MetadataKey.Named("includeDelayed").From(KeySource.TriggerMetadata).Default("false");

    /// <summary>Bound of one read (connect, command, reply): a Go duration or integer milliseconds. Default 30 s; metadata only.</summary>
    public static readonly MetadataKey Timeout = MetadataKey.Named("timeout").From(KeySource.TriggerMetadata);
}
