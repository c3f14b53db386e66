using Crema.Abstractions;
using Crema.Scalers.Http;

namespace Crema.Scalers.RabbitMq;

/// <summary>The typed metadata of a <c>rabbitmq</c> trigger (KEDA 2.20's fields and defaults). ToString never shows a secret.</summary>
/// <param name="Host">The connection URL as written (may hold credentials): amqp[s]://host[:port]/vhost or http[s]://host[:port]/[path/]vhost. Required.</param>
/// <param name="Protocol">The protocol, from <c>protocol</c> or (auto, the default) the host's scheme.</param>
/// <param name="QueueName">The queue, or a regular expression when <paramref name="UseRegex"/>. Required.</param>
/// <param name="Mode">What is measured. Default QueueLength.</param>
/// <param name="Value">Target per replica (AverageValue) or in total (Value); &gt; 0. Default 20 when neither mode, value nor queueLength is given.</param>
/// <param name="ActivationValue">Active while the metric is above this. Default 0.</param>
/// <param name="VhostName">Overrides the vhost of the host URL. Default none.</param>
/// <param name="UseRegex">Match queues by regular expression over the management API. Default false.</param>
/// <param name="ExcludeUnacknowledged">Count ready messages only (management API). Default false.</param>
/// <param name="PageSize">Queues listed per request with useRegex; &gt;= 1. Default 100.</param>
/// <param name="Operation">How queues matched by useRegex are combined. Default sum.</param>
/// <param name="Timeout">Per-request timeout of the management API. Default 3 s (KEDA's global HTTP timeout).</param>
/// <param name="UnsafeSsl">Skip server certificate validation. Default false.</param>
/// <param name="Username">Overrides the host URL's user (with <paramref name="Password"/>). Default none.</param>
/// <param name="Password">Overrides the host URL's password. Default none.</param>
/// <param name="Tls">TLS parameters. Default disabled.</param>
/// <param name="OAuth">OAuth2 client credentials for the management API. Default none.</param>
internal sealed record RabbitMqMetadata(
    string Host,
    RabbitMqProtocol Protocol,
    string QueueName,
    RabbitMqMode Mode,
    double Value,
    double ActivationValue,
    string? VhostName,
    bool UseRegex,
    bool ExcludeUnacknowledged,
    long PageSize,
    RabbitMqOperation Operation,
    TimeSpan Timeout,
    bool UnsafeSsl,
    string? Username,
    string? Password,
    RabbitMqTlsSettings Tls,
    OAuthSettings? OAuth)
{
    /// <summary>KEDA's target when the trigger gives neither mode, value nor queueLength.</summary>
    public const double DefaultValue = 20;

    /// <summary>Default timeout of one management API request (KEDA's global HTTP timeout).</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(3);

    /// <summary>Bound on one AMQP read (connect, open a channel, declare passively); KEDA has no AMQP timeout, Crema needs one.</summary>
    public static readonly TimeSpan AmqpTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The reading for a metric value alone (for <c>crema simulate</c>): active above activationValue.</summary>
    public MetricReading ToReading(double value) => new(value, Value, value > ActivationValue);

    /// <summary>The secrets a message could echo, so they can be scrubbed.</summary>
    public IEnumerable<string> SecretValues =>
        new[] { Password, RabbitMqHostUrl.PasswordOf(Host), Tls.Key, Tls.KeyPassword, OAuth?.ClientSecret }.Where(s => !string.IsNullOrEmpty(s))!;

    /// <inheritdoc />
    public override string ToString() =>
        $"{nameof(RabbitMqMetadata)} {{ Host = {RabbitMqHostUrl.Describe(Host)}, Protocol = {Protocol}, QueueName = {QueueName}, Mode = {Mode}, Value = {Value}, Tls = {Tls} }}";
}
