using System.Text.RegularExpressions;
using Crema.Abstractions;

namespace Crema.Scalers.Kafka;

/// <summary>Binds and cross-checks every <c>kafka</c> trigger field, reporting all errors in one pass.</summary>
internal static partial class KafkaMetadataBinder
{
    public static KafkaMetadata Bind(MetadataBinder binder)
    {
        var servers = new List<BrokerEndpoint>();
        foreach (var server in binder.List("bootstrapServers", required: true))
        {
            if (BrokerEndpoint.TryParse(server, out var endpoint))
            {
                servers.Add(endpoint);
            }
            else
            {
                binder.Fail("bootstrapServers", $"\"{server}\" is not host:port");
            }
        }
        var group = binder.RequiredString("consumerGroup");
        var topic = binder.String("topic");
        topic = string.IsNullOrWhiteSpace(topic) ? null : topic.Trim();
        IReadOnlySet<int>? limitation = null;
        var limitationText = binder.String("partitionLimitation");
        if (!string.IsNullOrWhiteSpace(limitationText))
        {
            if (!PartitionLimitation.TryParse(limitationText, out var parsed, out var error))
            {
                binder.Fail("partitionLimitation", error);
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
            LagThreshold = binder.Long("lagThreshold", 10, min: 1),
            ActivationLagThreshold = binder.Long("activationLagThreshold", 0, min: 0),
            OffsetResetPolicy = binder.OneOf("offsetResetPolicy", "latest", "latest", "earliest") == "earliest" ? OffsetResetPolicy.Earliest : OffsetResetPolicy.Latest,
            AllowIdleConsumers = binder.Bool("allowIdleConsumers"),
            ExcludePersistentLag = binder.Bool("excludePersistentLag"),
            ScaleToZeroOnInvalidOffset = binder.Bool("scaleToZeroOnInvalidOffset"),
            LimitToPartitionsWithLag = binder.Bool("limitToPartitionsWithLag"),
            EnsureEvenDistributionOfPartitions = binder.Bool("ensureEvenDistributionOfPartitions"),
        };
        // KEDA's sarama protocol version: checked as sarama parses it (KEDA rejects an invalid one), then
        // ignored, since librdkafka negotiates each API's version itself.
        if (binder.String("version") is { Length: > 0 } version && !SaramaVersion().IsMatch(version))
        {
            binder.Fail("version", $"\"{version}\" is not a Kafka version (for example 2.8.0, or 0.10.2.0 before 1.0)");
        }
        CheckCombinations(binder, metadata);
        return metadata with { Tls = BindTls(binder), Sasl = BindSasl(binder) };
    }

    private static void CheckCombinations(MetadataBinder binder, KafkaMetadata metadata)
    {
        binder.Check(!(metadata.AllowIdleConsumers && metadata.LimitToPartitionsWithLag), "limitToPartitionsWithLag", "cannot be true together with allowIdleConsumers");
        binder.Check(!(metadata.LimitToPartitionsWithLag && metadata.Topic is null), "limitToPartitionsWithLag", "needs a topic");
        binder.Check(!(metadata.LimitToPartitionsWithLag && metadata.EnsureEvenDistributionOfPartitions), "ensureEvenDistributionOfPartitions", "cannot be true together with limitToPartitionsWithLag");
        binder.Check(!(metadata.EnsureEvenDistributionOfPartitions && metadata.Topic is null), "ensureEvenDistributionOfPartitions", "needs a topic");
    }

    private static KafkaTlsOptions? BindTls(MetadataBinder binder)
    {
        var unsafeSsl = binder.Bool("unsafeSsl");
        var mode = MetadataOrAuth(binder, "tls")?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(mode) || mode == "disable")
        {
            return null;
        }
        if (mode != "enable")
        {
            binder.Fail("tls", $"\"{mode}\" is not one of: enable, disable");
            return null;
        }
        var ca = binder.Secret("ca");
        var cert = binder.Secret("cert");
        var key = binder.Secret("key");
        if ((cert is null) != (key is null))
        {
            binder.Fail(cert is null ? "cert" : "key", "cert and key must be given together", MetadataSource.AuthParams);
        }
        var keyPassword = binder.Secret("keyPassword");
        return new KafkaTlsOptions(unsafeSsl, Empty(ca), Empty(cert), Empty(key), string.IsNullOrEmpty(keyPassword) ? null : keyPassword);
    }

    private static KafkaSaslOptions? BindSasl(MetadataBinder binder)
    {
        var mode = MetadataOrAuth(binder, "sasl")?.Trim().ToLowerInvariant();
        KafkaSaslMechanism mechanism;
        switch (mode)
        {
            case null or "" or "none":
                return null;
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
                binder.Fail("sasl", "\"gssapi\" is not supported by crema (use none, plaintext, scram_sha256, scram_sha512 or oauthbearer)");
                return null;
            default:
                binder.Fail("sasl", $"\"{mode}\" is not one of: none, plaintext, scram_sha256, scram_sha512, oauthbearer");
                return null;
        }
        if (binder.Context.UsePodIdentity)
        {
            return BindGoogleSasl(binder, mechanism);
        }
        var oauth = mechanism == KafkaSaslMechanism.OAuthBearer ? BindOAuth(binder) : null;
        var username = binder.Secret("username", required: true);
        var password = binder.Secret("password", required: true);
        if (!binder.Context.ValidationOnly)
        {
            if (username is not null && username.Trim().Length == 0)
            {
                binder.Fail("username", "must not be empty", MetadataSource.AuthParams);
            }
            if (password is not null && password.Length == 0)
            {
                binder.Fail("password", "must not be empty", MetadataSource.AuthParams);
            }
        }
        return new KafkaSaslOptions(mechanism, username?.Trim() ?? string.Empty, password ?? string.Empty) { OAuth = oauth };
    }

    /// <summary>
    /// podIdentity gcp (Google Cloud Managed Service for Apache Kafka): PLAIN with the principal's
    /// email and an access token, or OAUTHBEARER with a Google access token. No password.
    /// </summary>
    private static KafkaSaslOptions? BindGoogleSasl(MetadataBinder binder, KafkaSaslMechanism mechanism)
    {
        if (mechanism is not (KafkaSaslMechanism.Plain or KafkaSaslMechanism.OAuthBearer))
        {
            binder.Fail("sasl", "podIdentity gcp needs sasl plaintext or oauthbearer (Google Cloud Managed Service for Apache Kafka offers only these)");
            return null;
        }
        var email = binder.Secret("username", required: true, alsoInMetadata: true)?.Trim();
        if (!binder.Context.ValidationOnly && email is not null && !email.Contains('@', StringComparison.Ordinal))
        {
            binder.Fail("username", $"\"{email}\" is not a principal email (for example name@project.iam.gserviceaccount.com)", MetadataSource.AuthParams);
        }
        binder.Check(!binder.Context.AuthParams.ContainsKey("password"), "password", "cannot be combined with podIdentity gcp (the access token is the password)");
        return new KafkaSaslOptions(mechanism, email ?? string.Empty, string.Empty) { UseGoogleIdentity = true };
    }

    /// <summary>KEDA's OAUTHBEARER settings: saslTokenProvider bearer, oauthTokenEndpointUri, scopes, oauthExtensions.</summary>
    private static KafkaOAuthOptions? BindOAuth(MetadataBinder binder)
    {
        var provider = MetadataOrAuth(binder, "saslTokenProvider")?.Trim().ToLowerInvariant();
        if (provider == "aws_msk_iam")
        {
            binder.Fail("saslTokenProvider", "\"aws_msk_iam\" is not supported by crema (use bearer)");
            return null;
        }
        if (!string.IsNullOrEmpty(provider) && provider != "bearer")
        {
            binder.Fail("saslTokenProvider", $"\"{provider}\" is not one of: bearer, aws_msk_iam");
            return null;
        }
        var endpointText = binder.Secret("oauthTokenEndpointUri", required: true);
        var scopes = (binder.Secret("scopes") ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var extensions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in (binder.Secret("oauthExtensions") ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=');
            if (parts.Length != 2 || parts[0].Trim().Length == 0)
            {
                binder.Fail("oauthExtensions", $"\"{pair}\" is not key=value", MetadataSource.AuthParams);
                continue;
            }
            extensions[parts[0].Trim()] = parts[1].Trim();
        }
        if (binder.Context.ValidationOnly || endpointText is null)
        {
            return endpointText is null ? null : new KafkaOAuthOptions(new Uri("https://validation.invalid/"), scopes, extensions);
        }
        if (!Uri.TryCreate(endpointText.Trim(), UriKind.Absolute, out var endpoint) || (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp))
        {
            binder.Fail("oauthTokenEndpointUri", "is not an absolute http or https URL", MetadataSource.AuthParams);
            return null;
        }
        return new KafkaOAuthOptions(endpoint, scopes, extensions);
    }

    /// <summary>KEDA reads tls and sasl from metadata first, then from the authenticationRef.</summary>
    private static string? MetadataOrAuth(MetadataBinder binder, string key) =>
        binder.Has(key) ? binder.String(key) : binder.Secret(key);

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    /// <summary>sarama's ParseKafkaVersion: <c>MAJOR.MINOR.PATCH</c> from 1.0, <c>0.MAJOR.MINOR.PATCH</c> before.</summary>
    [GeneratedRegex(@"^(?:[1-9]\d*\.\d+\.\d+|0\.\d+\.\d+\.\d+)$", RegexOptions.CultureInvariant)]
    private static partial Regex SaramaVersion();
}
