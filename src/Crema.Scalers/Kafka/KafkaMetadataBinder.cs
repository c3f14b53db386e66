using System.Text.RegularExpressions;
using Crema.Abstractions;

namespace Crema.Scalers.Kafka;

/// <summary>Binds every <see cref="KafkaKeys"/> key and cross-checks them as KEDA's Validate does, reporting all errors in one pass.</summary>
internal static partial class KafkaMetadataBinder
{
    public static KafkaMetadata Bind(MetadataBinder binder)
    {
        var servers = new List<BrokerEndpoint>();
        foreach (var server in binder.List(KafkaKeys.BootstrapServers))
        {
            if (BrokerEndpoint.TryParse(server, out var endpoint))
            {
                servers.Add(endpoint);
            }
            else
            {
                binder.Fail(KafkaKeys.BootstrapServers.Name, $"\"{server}\" is not host:port");
            }
        }
        var group = binder.RequiredString(KafkaKeys.ConsumerGroup);
        var topic = binder.String(KafkaKeys.Topic);
        topic = string.IsNullOrWhiteSpace(topic) ? null : topic.Trim();
        IReadOnlySet<int>? limitation = null;
        var limitationText = binder.String(KafkaKeys.PartitionLimitation);
        if (!string.IsNullOrWhiteSpace(limitationText))
        {
            if (!PartitionLimitation.TryParse(limitationText, out var parsed, out var error))
            {
                binder.Fail(KafkaKeys.PartitionLimitation.Name, error);
            }
            else if (topic is not null)
            {
                // KEDA ignores partitionLimitation without a topic; so do we.
                limitation = parsed;
            }
        }
        var metadata = new KafkaMetadata
        {
            BootstrapServers = servers,
            ConsumerGroup = group,
            Topic = topic,
            PartitionLimitation = limitation,
            LagThreshold = binder.Long(KafkaKeys.LagThreshold),
            ActivationLagThreshold = binder.Long(KafkaKeys.ActivationLagThreshold),
            OffsetResetPolicy = binder.String(KafkaKeys.OffsetResetPolicy) == "earliest" ? OffsetResetPolicy.Earliest : OffsetResetPolicy.Latest,
            AllowIdleConsumers = binder.Bool(KafkaKeys.AllowIdleConsumers),
            ExcludePersistentLag = binder.Bool(KafkaKeys.ExcludePersistentLag),
            ScaleToZeroOnInvalidOffset = binder.Bool(KafkaKeys.ScaleToZeroOnInvalidOffset),
            LimitToPartitionsWithLag = binder.Bool(KafkaKeys.LimitToPartitionsWithLag),
            EnsureEvenDistributionOfPartitions = binder.Bool(KafkaKeys.EnsureEvenDistributionOfPartitions),
        };
        // KEDA's sarama protocol version: checked as sarama parses it (KEDA rejects an invalid one), then
        // ignored, since librdkafka negotiates each API's version itself.
        if (binder.String(KafkaKeys.Version) is { Length: > 0 } version && !SaramaVersion().IsMatch(version))
        {
            binder.Fail(KafkaKeys.Version.Name, $"\"{version}\" is not a Kafka version (for example 2.8.0, or 0.10.2.0 before 1.0)");
        }
        CheckCombinations(binder, metadata);
        return metadata with { Tls = BindTls(binder), Sasl = BindSasl(binder) };
    }

    private static void CheckCombinations(MetadataBinder binder, KafkaMetadata metadata)
    {
        binder.Check(!(metadata.AllowIdleConsumers && metadata.LimitToPartitionsWithLag), KafkaKeys.LimitToPartitionsWithLag.Name, "cannot be true together with allowIdleConsumers");
        binder.Check(!(metadata.LimitToPartitionsWithLag && metadata.Topic is null), KafkaKeys.LimitToPartitionsWithLag.Name, "needs a topic");
        binder.Check(!(metadata.LimitToPartitionsWithLag && metadata.EnsureEvenDistributionOfPartitions), KafkaKeys.EnsureEvenDistributionOfPartitions.Name, "cannot be true together with limitToPartitionsWithLag");
        binder.Check(!(metadata.EnsureEvenDistributionOfPartitions && metadata.Topic is null), KafkaKeys.EnsureEvenDistributionOfPartitions.Name, "needs a topic");
    }

    private static KafkaTlsOptions? BindTls(MetadataBinder binder)
    {
        var unsafeSsl = binder.Bool(KafkaKeys.UnsafeSsl);
        // Empty while validating a tls given in the authenticationRef: its value is known only at run time.
        if (binder.String(KafkaKeys.Tls) is not "enable")
        {
            return null;
        }
        var ca = binder.String(KafkaKeys.Ca);
        var cert = binder.String(KafkaKeys.Cert);
        var key = binder.String(KafkaKeys.Key);
        if ((cert is null) != (key is null))
        {
            binder.Fail(cert is null ? KafkaKeys.Cert.Name : KafkaKeys.Key.Name, "cert and key must be given together", MetadataSource.AuthParams);
        }
        var keyPassword = binder.String(KafkaKeys.KeyPassword);
        return new KafkaTlsOptions(unsafeSsl, Empty(ca), Empty(cert), Empty(key), Empty(keyPassword));
    }

    private static KafkaSaslOptions? BindSasl(MetadataBinder binder)
    {
        // KEDA checks saslTokenProvider's enum whatever the mechanism; it matters only with oauthbearer.
        var provider = binder.String(KafkaKeys.SaslTokenProvider);
        KafkaSaslMechanism mechanism;
        switch (binder.String(KafkaKeys.Sasl))
        {
            case "plaintext":
                mechanism = KafkaSaslMechanism.Plain;
                break;
            case "scram_sha256":
                mechanism = KafkaSaslMechanism.ScramSha256;
                break;
            case "scram_sha512":
                mechanism = KafkaSaslMechanism.ScramSha512;
                break;
            case "oauthbearer":
                mechanism = KafkaSaslMechanism.OAuthBearer;
                break;
            case "gssapi":
                binder.Fail(KafkaKeys.Sasl.Name, "\"gssapi\" is not supported by crema (use none, plaintext, scram_sha256, scram_sha512 or oauthbearer)");
                return null;
            default:
                // Absent, none, not allowed (already reported), or from the authenticationRef while validating.
                return null;
        }
        if (binder.Context.UsePodIdentity)
        {
            return BindGoogleSasl(binder, mechanism);
        }
        var oauth = mechanism == KafkaSaslMechanism.OAuthBearer ? BindOAuth(binder, provider) : null;
        var username = binder.String(KafkaKeys.Username, required: true);
        var password = binder.String(KafkaKeys.Password, required: true);
        return new KafkaSaslOptions(mechanism, username ?? string.Empty, password ?? string.Empty) { OAuth = oauth };
    }

    /// <summary>
    /// podIdentity gcp (Google Cloud Managed Service for Apache Kafka): PLAIN with the principal's
    /// email and an access token, or OAUTHBEARER with a Google access token. No password.
    /// </summary>
    private static KafkaSaslOptions? BindGoogleSasl(MetadataBinder binder, KafkaSaslMechanism mechanism)
    {
        if (mechanism is not (KafkaSaslMechanism.Plain or KafkaSaslMechanism.OAuthBearer))
        {
            binder.Fail(KafkaKeys.Sasl.Name, "podIdentity gcp needs sasl plaintext or oauthbearer (Google Cloud Managed Service for Apache Kafka offers only these)");
            return null;
        }
        var email = binder.String(KafkaKeys.GooglePrincipal, required: true);
        if (!binder.Context.ValidationOnly && email is not null && !email.Contains('@', StringComparison.Ordinal))
        {
            binder.Fail(KafkaKeys.GooglePrincipal.Name, $"\"{email}\" is not a principal email (for example name@project.iam.gserviceaccount.com)", MetadataSource.AuthParams);
        }
        binder.Check(!binder.Context.AuthParams.ContainsKey(KafkaKeys.Password.Name), KafkaKeys.Password.Name, "cannot be combined with podIdentity gcp (the access token is the password)");
        return new KafkaSaslOptions(mechanism, email ?? string.Empty, string.Empty) { UseGoogleIdentity = true };
    }

    /// <summary>KEDA's OAUTHBEARER settings: saslTokenProvider bearer, oauthTokenEndpointUri, scopes, oauthExtensions.</summary>
    private static KafkaOAuthOptions? BindOAuth(MetadataBinder binder, string? provider)
    {
        if (provider == "aws_msk_iam")
        {
            binder.Fail(KafkaKeys.SaslTokenProvider.Name, "\"aws_msk_iam\" is not supported by crema (use bearer)");
            return null;
        }
        var endpointText = binder.String(KafkaKeys.OAuthTokenEndpointUri, required: true);
        var scopes = (binder.String(KafkaKeys.Scopes) ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var extensions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in (binder.String(KafkaKeys.OAuthExtensions) ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=');
            if (parts.Length != 2 || parts[0].Trim().Length == 0)
            {
                binder.Fail(KafkaKeys.OAuthExtensions.Name, $"\"{pair}\" is not key=value", MetadataSource.AuthParams);
                continue;
            }
            extensions[parts[0].Trim()] = parts[1].Trim();
        }
        if (binder.Context.ValidationOnly || endpointText is null)
        {
            return endpointText is null ? null : new KafkaOAuthOptions(new Uri("https://validation.invalid/"), scopes, extensions);
        }
        if (!Uri.TryCreate(endpointText, UriKind.Absolute, out var endpoint) || (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp))
        {
            binder.Fail(KafkaKeys.OAuthTokenEndpointUri.Name, "is not an absolute http or https URL", MetadataSource.AuthParams);
            return null;
        }
        return new KafkaOAuthOptions(endpoint, scopes, extensions);
    }

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    /// <summary>sarama's ParseKafkaVersion: <c>MAJOR.MINOR.PATCH</c> from 1.0, <c>0.MAJOR.MINOR.PATCH</c> before.</summary>
    [GeneratedRegex(@"^(?:[1-9]\d*\.\d+\.\d+|0\.\d+\.\d+\.\d+)$", RegexOptions.CultureInvariant)]
    private static partial Regex SaramaVersion();
}
