namespace Crema.Core.Configuration.Binding;

/// <summary>
/// Fields of KEDA's TriggerAuthentication types that Crema recognises but does not support, each with one message
/// naming what Crema offers instead, so a pasted KEDA object fails with a way forward rather than "unknown field".
/// </summary>
internal static class KedaOnlyFields
{
    private const string SecretSources =
        "gcpSecretManager (Secret Manager), secretTargetRef (a Secret mounted in the secrets directory), file (a mounted file) or env (an environment variable)";

    /// <summary>Secret stores and Kubernetes objects under <c>triggerAuthentications[].spec</c>.</summary>
    public static IReadOnlyDictionary<string, string> AuthenticationSpec { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["hashiCorpVault"] = $"HashiCorp Vault is not supported; Crema reads secrets through {SecretSources}",
        ["azureKeyVault"] = $"Azure Key Vault is not supported; Crema reads secrets through {SecretSources}",
        ["awsSecretManager"] = $"AWS Secrets Manager is not supported; Crema reads secrets through {SecretSources}",
        ["configMapTargetRef"] = "ConfigMaps do not exist on Cloud Run; mount the values as files and use secretTargetRef or file, or pass them with env",
        ["boundServiceAccountToken"] = "Kubernetes service account tokens are not available on Cloud Run; use podIdentity gcp (the daemon's own Google identity) or a token through secretTargetRef, file, env or gcpSecretManager",
        ["oauth2"] = $"the oauth2 source is not supported; obtain the token outside Crema and pass it through {SecretSources}",
        ["filePath"] = "a JSON file of parameters is not supported; list each parameter under file as {parameter, path}, one file per value",
    };

    /// <summary>KEDA's service-account key for Secret Manager, under <c>gcpSecretManager</c>.</summary>
    public static IReadOnlyDictionary<string, string> GcpSecretManager { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["credentials"] = "a service-account key from a Kubernetes Secret is not supported; Crema reads Secret Manager as itself (its Cloud Run service account, or Application Default Credentials elsewhere): grant that identity roles/secretmanager.secretAccessor and remove credentials",
    };

    /// <summary>The Azure and AWS fields of KEDA's AuthPodIdentity.</summary>
    public static IReadOnlyDictionary<string, string> PodIdentity { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["identityTenantId"] = AzureField("identityTenantId"),
        ["identityAuthorityHost"] = AzureField("identityAuthorityHost"),
        ["roleArn"] = AwsField("roleArn"),
        ["externalID"] = AwsField("externalID"),
        ["identityOwner"] = AwsField("identityOwner"),
    };

    private static string AzureField(string name) =>
        $"{name} belongs to Azure Workload Identity, which Crema does not support; Crema supports provider gcp (its own Google identity) or none";

    private static string AwsField(string name) =>
        $"{name} belongs to AWS pod identity, which Crema does not support; Crema supports provider gcp (its own Google identity) or none";
}
