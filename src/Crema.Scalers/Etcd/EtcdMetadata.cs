using Crema.Abstractions;

namespace Crema.Scalers.Etcd;

/// <summary>The typed metadata of an <c>etcd</c> trigger (KEDA's etcdMetadata). ToString shows no password or key.</summary>
/// <param name="Endpoints">The servers, tried in order. Required.</param>
/// <param name="WatchKey">The key read and watched. Required.</param>
/// <param name="Value">Target value (per replica for AverageValue). Required.</param>
/// <param name="ActivationValue">Active while the value is above this. Default 0.</param>
/// <param name="WatchProgressNotifyInterval">The servers' progress notification interval; a watch silent for twice this is reopened. Default 600 s.</param>
/// <param name="Username">User for password authentication, or null.</param>
/// <param name="Password">Its password, or null.</param>
/// <param name="Tls">TLS settings with <c>tls: enable</c>, else null.</param>
internal sealed record EtcdMetadata(
    IReadOnlyList<EtcdEndpoint> Endpoints,
    string WatchKey,
    double Value,
    double ActivationValue,
    TimeSpan WatchProgressNotifyInterval,
    string? Username,
    string? Password,
    EtcdTls? Tls)
{
    /// <summary>The reading for a value: compared with value, active above activationValue (KEDA).</summary>
    public MetricReading ToReading(double value) => new(value, Value, value > ActivationValue);

    /// <summary>True when the value pushed by a watch makes the trigger active.</summary>
    public bool IsActive(double value) => value > ActivationValue;

    /// <inheritdoc />
    public override string ToString() =>
        $"{nameof(EtcdMetadata)} {{ Endpoints = [{string.Join(", ", Endpoints)}], WatchKey = {WatchKey}, Value = {Value}, " +
        $"ActivationValue = {ActivationValue}, WatchProgressNotifyInterval = {WatchProgressNotifyInterval}, Username = {Username}, " +
        $"Password = {(Password is null ? "none" : "[redacted]")}, Tls = {Tls?.ToString() ?? "none"} }}";
}
