using Crema.Abstractions;

namespace Crema.Scalers.NatsJetStream;

/// <summary>
/// Every key of a <c>nats-jetstream</c> trigger, declared once with KEDA 2.20's names, lookup order
/// (<c>order=</c>) and defaults (pkg/scalers/nats_jetstream_scaler.go, <c>natsJetStreamMetadata</c>).
/// KEDA reads the endpoint and the account from the authenticationRef first, then from metadata, and
/// none of them from the environment.
/// </summary>
internal static class NatsJetStreamKeys
{
    private static readonly KeySource[] AuthThenMetadata = [KeySource.AuthParams, KeySource.TriggerMetadata];

    /// <summary>host[:port] of the monitoring endpoint (no scheme; useHttps picks it). Required; auth parameters, then metadata.</summary>
    public static readonly MetadataKey Endpoint = MetadataKey.Named("natsServerMonitoringEndpoint").From(AuthThenMetadata).Required();

    /// <summary>The account's name, matched against each account's name. Optional (account or accountID is needed); auth parameters, then metadata.</summary>
    public static readonly MetadataKey Account = MetadataKey.Named("account").From(AuthThenMetadata);

    /// <summary>The account's ID, sent as <c>acc=</c> and matched against each account's id. Default: account. Auth parameters, then metadata.</summary>
    public static readonly MetadataKey AccountId = MetadataKey.Named("accountID").From(AuthThenMetadata);

    /// <summary>The stream's name. Required; metadata only.</summary>
    public static readonly MetadataKey Stream = MetadataKey.Named("stream").From(KeySource.TriggerMetadata).Required();

    /// <summary>The consumer's name. Required; metadata only.</summary>
    public static readonly MetadataKey Consumer = MetadataKey.Named("consumer").From(KeySource.TriggerMetadata).Required();

    /// <summary>Lag per replica, an integer. Default 10; metadata only.</summary>
    public static readonly MetadataKey LagThreshold = MetadataKey.Named("lagThreshold").From(KeySource.TriggerMetadata).Default("10");

    /// <summary>Active while the lag is above this, an integer. Default 0; metadata only.</summary>
    public static readonly MetadataKey ActivationLagThreshold = MetadataKey.Named("activationLagThreshold").From(KeySource.TriggerMetadata).Default("0");

    /// <summary>Read the monitoring endpoint over https. Default false; metadata only.</summary>
    public static readonly MetadataKey UseHttps = MetadataKey.Named("useHttps").From(KeySource.TriggerMetadata).Default("false");
}
