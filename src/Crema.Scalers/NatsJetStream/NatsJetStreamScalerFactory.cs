using Crema.Abstractions;

namespace Crema.Scalers.NatsJetStream;

/// <summary>Builds <c>nats-jetstream</c> scalers: a consumer's lag from the NATS monitoring endpoint's /jsz.</summary>
internal sealed class NatsJetStreamScalerFactory : ScalerFactory<NatsJetStreamMetadata>
{
    public override string Type => "nats-jetstream";

    /// <inheritdoc />
    public override string Description => "a NATS JetStream consumer's pending + unacknowledged messages (monitoring /jsz)";

    protected override NatsJetStreamMetadata Bind(MetadataBinder binder)
    {
        var endpoint = binder.RequiredString(NatsJetStreamKeys.Endpoint).Trim();
        binder.Check(
            endpoint.Length == 0 || NatsMonitoringUrls.IsHostPort(endpoint),
            NatsJetStreamKeys.Endpoint,
            endpoint.Contains("://", StringComparison.Ordinal)
                ? $"\"{UntrustedText.Escape(endpoint)}\" must be host:port without a scheme (useHttps: true selects https)"
                : $"\"{UntrustedText.Escape(endpoint)}\" is not a host or host:port");
        var account = binder.String(NatsJetStreamKeys.Account) ?? "";
        var accountId = binder.String(NatsJetStreamKeys.AccountId) ?? "";
        binder.Check(
            binder.Has(NatsJetStreamKeys.Account) || binder.Has(NatsJetStreamKeys.AccountId),
            NatsJetStreamKeys.Account,
            "is required: give the account's name (account) or its ID (accountID); \"$G\" is the account of a server without accounts");
        var stream = binder.RequiredString(NatsJetStreamKeys.Stream);
        var consumer = binder.RequiredString(NatsJetStreamKeys.Consumer);
        var lagThreshold = binder.Long(NatsJetStreamKeys.LagThreshold);
        var activationLagThreshold = binder.Long(NatsJetStreamKeys.ActivationLagThreshold);
        var useHttps = binder.Bool(NatsJetStreamKeys.UseHttps);
        return new NatsJetStreamMetadata(
            endpoint,
            account,
            // KEDA sends the ID, and falls back to the name when no ID is given.
            accountId.Length > 0 ? accountId : account,
            stream,
            consumer,
            lagThreshold,
            activationLagThreshold,
            useHttps);
    }

    protected override MetricReading ToReading(NatsJetStreamMetadata metadata, double value) => metadata.ToReading(value);

    protected override IScaler Create(NatsJetStreamMetadata metadata, ScalerContext context) =>
        new NatsJetStreamScaler(metadata, context.Services.GetHttpClient(HttpClientSettings.Default), context.TimeProvider);
}
