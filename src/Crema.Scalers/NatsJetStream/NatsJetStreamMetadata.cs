using Crema.Abstractions;

namespace Crema.Scalers.NatsJetStream;

/// <summary>The typed metadata of a <c>nats-jetstream</c> trigger (KEDA's fields and defaults).</summary>
/// <param name="Endpoint">host[:port] of the NATS monitoring endpoint. Required.</param>
/// <param name="Account">The account's name; empty when only accountID was given.</param>
/// <param name="AccountId">The account's ID, sent as <c>acc=</c>; the account name when accountID is not given.</param>
/// <param name="Stream">The stream's name. Required.</param>
/// <param name="Consumer">The consumer's name. Required.</param>
/// <param name="LagThreshold">Lag (messages) per replica. Default 10.</param>
/// <param name="ActivationLagThreshold">Active while the lag is above this. Default 0.</param>
/// <param name="UseHttps">Read the endpoint over https instead of http. Default false.</param>
internal sealed record NatsJetStreamMetadata(
    string Endpoint,
    string Account,
    string AccountId,
    string Stream,
    string Consumer,
    long LagThreshold,
    long ActivationLagThreshold,
    bool UseHttps)
{
    /// <summary>Per-request timeout: KEDA's global HTTP timeout, as KEDA has no key for it.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    /// <summary>http or https.</summary>
    public string Scheme => UseHttps ? Uri.UriSchemeHttps : Uri.UriSchemeHttp;

    /// <summary>True for the account of <paramref name="id"/> and <paramref name="name"/> (KEDA's IsAccount: either matches).</summary>
    public bool IsAccount(string? id, string? name) => id == AccountId || name == Account;

    /// <summary>The reading for a lag: active above activationLagThreshold (KEDA), compared with lagThreshold.</summary>
    public MetricReading ToReading(double lag) => new(lag, LagThreshold, lag > ActivationLagThreshold);
}
