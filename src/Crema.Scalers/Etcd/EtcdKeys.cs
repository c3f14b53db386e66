using Crema.Abstractions;

namespace Crema.Scalers.Etcd;

/// <summary>
/// Every key of an <c>etcd</c> trigger, declared once with KEDA 2.20's names, sources (<c>order=</c>) and
/// defaults (pkg/scalers/etcd_scaler.go, etcdMetadata).
/// </summary>
internal static class EtcdKeys
{
    /// <summary>The etcd servers, comma separated (host:port, or http:// / https:// URLs). Required; metadata only.</summary>
    public static readonly MetadataKey Endpoints = MetadataKey.Named("endpoints").From(KeySource.TriggerMetadata).Required();

    /// <summary>The key read and watched. Required; metadata only.</summary>
    public static readonly MetadataKey WatchKey = MetadataKey.Named("watchKey").From(KeySource.TriggerMetadata).Required();

    /// <summary>Target value (per replica for AverageValue). Required; metadata only.</summary>
    public static readonly MetadataKey Value = MetadataKey.Named("value").From(KeySource.TriggerMetadata).Required();

    /// <summary>Active while the value is above this. Default 0; metadata only.</summary>
    public static readonly MetadataKey ActivationValue = MetadataKey.Named("activationValue").From(KeySource.TriggerMetadata).Default("0");

    /// <summary>The servers' --experimental-watch-progress-notify-interval, in seconds. Default 600, &gt; 0; metadata only.</summary>
    public static readonly MetadataKey WatchProgressNotifyInterval =
        MetadataKey.Named("watchProgressNotifyInterval").From(KeySource.TriggerMetadata).Default("600").Positive();

    /// <summary>User for etcd's password authentication. Auth parameter, then usernameFromEnv.</summary>
    public static readonly MetadataKey Username = MetadataKey.Named("username").From(KeySource.AuthParams, KeySource.ResolvedEnv);

    /// <summary>Its password. Auth parameter, then passwordFromEnv.</summary>
    public static readonly MetadataKey Password = MetadataKey.Named("password").From(KeySource.AuthParams, KeySource.ResolvedEnv);

    /// <summary><c>enable</c> for TLS. Default <c>disable</c>; auth parameter.</summary>
    public static readonly MetadataKey Tls = MetadataKey.Secret("tls").Default("disable").OneOf("enable", "disable");

    /// <summary>Client certificate (PEM). Auth parameter; used with tls: enable.</summary>
    public static readonly MetadataKey Cert = MetadataKey.Secret("cert");

    /// <summary>Client key (PEM). Auth parameter; used with tls: enable.</summary>
    public static readonly MetadataKey Key = MetadataKey.Secret("key");

    /// <summary>Password of an encrypted PKCS#8 client key. Auth parameter.</summary>
    public static readonly MetadataKey KeyPassword = MetadataKey.Secret("keyPassword");

    /// <summary>CA (PEM) trusted besides the system's. Auth parameter; used with tls: enable.</summary>
    public static readonly MetadataKey Ca = MetadataKey.Secret("ca");
}
