using Crema.Core.Configuration.Reporting;

namespace Crema.Core.Configuration.Validation;

/// <summary>
/// Trigger settings KEDA 2.20 has and Crema deliberately does not: each gets one error naming what Crema supports
/// instead, rather than an "unknown key is ignored" warning and a failure at run time. They live here, beside the
/// other config rules, so a scaler's own binding stays free of features it does not implement.
/// </summary>
internal sealed class UnsupportedTriggerFeatureValidator : IConfigValidator
{
    private const string PrometheusSigV4 =
        "Amazon Managed Prometheus (SigV4 request signing, awsRegion) is not supported; Crema's prometheus trigger supports " +
        "authModes basic, bearer, tls and custom, and Google's identity (podIdentity gcp); to reach Amazon Managed Prometheus, " +
        "run a SigV4 signing proxy (such as aws-sigv4-proxy) and point serverAddress at it";

    private const string KafkaMskIam =
        "AWS MSK IAM authentication (awsRegion with saslTokenProvider aws_msk_iam) is not supported: Crema has no AWS identity; " +
        "give the kafka trigger SASL credentials (sasl plaintext, scram_sha256 or scram_sha512, with username and password) through a triggerAuthentication";

    private const string PostgreSqlAzure =
        "podIdentity azure-workload: KEDA's postgresql logs in to Azure Database for PostgreSQL with an Azure access token as the password, " +
        "and Crema has no Azure identity; give the user's password (password, or a connection string), or on Cloud SQL use podIdentity gcp " +
        "(IAM database authentication with Crema's own service account)";

    private static readonly Dictionary<(string Type, string Key), string> MetadataKeys = new()
    {
        [("prometheus", "awsRegion")] = PrometheusSigV4,
        [("prometheus", "awsRegionFromEnv")] = PrometheusSigV4,
        [("kafka", "awsRegion")] = KafkaMskIam,
        [("kafka", "awsRegionFromEnv")] = KafkaMskIam,
        [("apache-kafka", "awsRegion")] = KafkaMskIam,
        [("apache-kafka", "awsRegionFromEnv")] = KafkaMskIam,
    };

    /// <summary>True when this validator reports <paramref name="key"/> itself (the unknown-key warning is then left out).</summary>
    public static bool Covers(string type, string key) => MetadataKeys.ContainsKey((type, key));

    public void Validate(ValidationContext context)
    {
        foreach (var (scaledObject, path) in context.ScaledObjects())
        {
            foreach (var (trigger, triggerPath, _) in ValidationContext.Triggers(scaledObject, path))
            {
                foreach (var key in trigger.Metadata.Keys.Order(StringComparer.Ordinal))
                {
                    if (MetadataKeys.TryGetValue((trigger.Type, key), out var message))
                    {
                        context.Error(ConfigPath.Field(triggerPath + ".metadata", key), message);
                    }
                }
                CheckAuthParams(context, trigger, triggerPath);
            }
        }
    }

    /// <summary>KEDA also takes awsRegion from the triggerAuthentication, and postgresql's Azure login from its podIdentity.</summary>
    private static void CheckAuthParams(ValidationContext context, Trigger trigger, string triggerPath)
    {
        if (trigger.AuthenticationRef is not { } reference || context.FindAuthentication(reference.Name) is not { } authentication)
        {
            return;
        }
        if (trigger.Type == "postgresql" && authentication.Spec.PodIdentity?.Provider == "azure-workload")
        {
            context.Error(triggerPath + ".authenticationRef", PostgreSqlAzure);
        }
        foreach (var parameter in TriggerContexts.DeclaredParameters(authentication).Distinct(StringComparer.Ordinal))
        {
            if (MetadataKeys.TryGetValue((trigger.Type, parameter), out var message))
            {
                context.Error(triggerPath + ".authenticationRef", $"parameter \"{parameter}\": {message}");
            }
        }
    }
}
