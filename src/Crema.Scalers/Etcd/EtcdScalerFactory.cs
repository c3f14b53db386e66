using Crema.Abstractions;
using Keys = Crema.Scalers.Etcd.EtcdKeys;

namespace Crema.Scalers.Etcd;

/// <summary>Builds <c>etcd</c> scalers: a number stored under an etcd key, read each poll and watched between polls.</summary>
internal sealed class EtcdScalerFactory : ScalerFactory<EtcdMetadata>
{
    public override string Type => "etcd";

    /// <inheritdoc />
    public override string Description => "a number stored under an etcd key, watched for pushed changes";

    protected override EtcdMetadata Bind(MetadataBinder binder)
    {
        var endpoints = new List<EtcdEndpoint>();
        foreach (var entry in binder.List(Keys.Endpoints, required: true))
        {
            var endpoint = EtcdEndpoint.Parse(entry, out var error);
            if (endpoint is null)
            {
                binder.Fail(Keys.Endpoints, error ?? string.Empty);
                continue;
            }
            endpoints.Add(endpoint);
        }
        var watchKey = binder.RequiredString(Keys.WatchKey);
        var value = binder.Double(Keys.Value, required: true);
        var activation = binder.Double(Keys.ActivationValue);
        var interval = binder.Int(Keys.WatchProgressNotifyInterval, 600);
        var username = binder.String(Keys.Username);
        var password = binder.String(Keys.Password);
        // KEDA's Validate: each of username and password needs the other.
        var hasUsername = binder.Has(Keys.Username);
        var hasPassword = binder.Has(Keys.Password);
        if (hasPassword && !hasUsername)
        {
            binder.Fail(Keys.Username, "must be provided with password");
        }
        if (hasUsername && !hasPassword)
        {
            binder.Fail(Keys.Password, "must be provided with username");
        }
        var tls = BindTls(binder);
        return new EtcdMetadata(
            endpoints,
            watchKey,
            value,
            activation,
            TimeSpan.FromSeconds(Math.Max(1, interval)),
            hasUsername ? username : null,
            hasPassword ? password : null,
            tls);
    }

    protected override MetricReading ToReading(EtcdMetadata metadata, double value) => metadata.ToReading(value);

    protected override IScaler Create(EtcdMetadata metadata, ScalerContext context) =>
        new EtcdScaler(metadata, new EtcdConnection(metadata, context.TimeProvider), context.TimeProvider);

    /// <summary>KEDA reads ca, cert, key and keyPassword only with <c>tls: enable</c>; cert and key go together.</summary>
    private static EtcdTls? BindTls(MetadataBinder binder)
    {
        var mode = binder.String(Keys.Tls, "disable");
        var ca = binder.String(Keys.Ca);
        var cert = binder.String(Keys.Cert);
        var key = binder.String(Keys.Key);
        var keyPassword = binder.String(Keys.KeyPassword);
        if (!string.Equals(mode, "enable", StringComparison.Ordinal))
        {
            return null;
        }
        var hasCert = binder.Has(Keys.Cert);
        var hasKey = binder.Has(Keys.Key);
        if (hasKey && !hasCert)
        {
            binder.Fail(Keys.Cert, $"must be provided with key{MetadataError.AuthenticationRefHint}");
        }
        if (hasCert && !hasKey)
        {
            binder.Fail(Keys.Key, $"must be provided with cert{MetadataError.AuthenticationRefHint}");
        }
        var tls = new EtcdTls(
            binder.Has(Keys.Ca) ? ca : null,
            hasCert && hasKey ? cert : null,
            hasCert && hasKey ? key : null,
            binder.Has(Keys.KeyPassword) ? keyPassword : null);
        if (!binder.Context.ValidationOnly)
        {
            EtcdCertificates.Check(binder, tls);
        }
        return tls;
    }
}
