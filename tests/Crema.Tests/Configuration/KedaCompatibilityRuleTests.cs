using Crema.Tests.Support;
using static Crema.Tests.Configuration.ConfigTestHelper;

namespace Crema.Tests.Configuration;

/// <summary>KEDA 2.20 inputs: what Crema accepts with KEDA's meaning, and what it refuses with a way forward.</summary>
public sealed class KedaCompatibilityRuleTests
{
    private const string A0 = "spec.triggerAuthentications[0]";
    private const string T0 = "spec.scaledObjects[0].spec.triggers[0]";
    private const string Behavior = "spec.scaledObjects[0].spec.advanced.horizontalPodAutoscalerConfig.behavior";

    [Fact]
    public void Load_SecretTargetRef_IsBoundAndProvidesItsParameter()
    {
        var registry = TestScalers.Registry(new TestScalerFactory("needs-token") { RequiredAuthParams = ["token"] });
        var yaml = OneScaledObject(
            triggers: "triggers:\n  - {type: needs-token, authenticationRef: {name: a}}",
            authentications: "- metadata: {name: a}\n  spec:\n    secretTargetRef: [{parameter: token, name: github-auth, key: personal-access-token}]");

        var result = Load(yaml, registry);

        result.ShouldBeValid();
        var reference = result.Config!.Spec.TriggerAuthentications[0].Spec.SecretTargetRef.ShouldHaveSingleItem();
        (reference.Parameter, reference.Name, reference.Key).ShouldBe(("token", "github-auth", "personal-access-token"));
    }

    [Theory]
    [InlineData("{parameter: p, name: s}", ".key", "missing required field \"key\"")]
    [InlineData("{parameter: p, key: k}", ".name", "missing required field \"name\"")]
    [InlineData("{name: s, key: k}", ".parameter", "missing required field \"parameter\"")]
    [InlineData("{parameter: p, name: ../etc, key: k}", ".name", "\"../etc\" is not a valid Secret name")]
    [InlineData("{parameter: p, name: Secret, key: k}", ".name", "is not a valid Secret name")]
    [InlineData("{parameter: p, name: s, key: ..}", ".key", "\"..\" is not a valid Secret key")]
    [InlineData("{parameter: p, name: s, key: a/b}", ".key", "\"a/b\" is not a valid Secret key")]
    [InlineData("{parameter: p, name: s, key: k, namespace: x}", ".namespace", "unknown field \"namespace\"; valid fields: parameter, name, key")]
    public void Load_BadSecretTargetRef_ReportsIt(string item, string field, string message)
    {
        var yaml = OneScaledObject(authentications: $"- metadata: {{name: a}}\n  spec:\n    secretTargetRef: [{item}]");

        Load(yaml).ShouldHaveError($"{A0}.spec.secretTargetRef[0]{field}", message);
    }

    [Fact]
    public void Load_SecretTargetRefParameterAlsoFromEnv_ReportsTheDuplicate()
    {
        var yaml = OneScaledObject(authentications: "- metadata: {name: a}\n  spec:\n    secretTargetRef: [{parameter: p, name: s, key: k}]\n    env: [{parameter: p, name: P}]");

        Load(yaml).ShouldHaveError($"{A0}.spec.env[0].parameter", "parameter \"p\" is already declared by spec.triggerAuthentications[0].spec.secretTargetRef[0]");
    }

    [Theory]
    [InlineData("hashiCorpVault: {address: https://vault}", "hashiCorpVault", "HashiCorp Vault is not supported; Crema reads secrets through gcpSecretManager (Secret Manager), secretTargetRef")]
    [InlineData("azureKeyVault: {vaultUri: https://v}", "azureKeyVault", "Azure Key Vault is not supported; Crema reads secrets through gcpSecretManager")]
    [InlineData("awsSecretManager: {secrets: []}", "awsSecretManager", "AWS Secrets Manager is not supported")]
    [InlineData("configMapTargetRef: [{parameter: p, name: c, key: k}]", "configMapTargetRef", "ConfigMaps do not exist on Cloud Run; mount the values as files and use secretTargetRef or file")]
    [InlineData("boundServiceAccountToken: [{parameter: p, serviceAccountName: s}]", "boundServiceAccountToken", "use podIdentity gcp")]
    [InlineData("filePath: /auth.json", "filePath", "list each parameter under file as {parameter, path}")]
    public void Load_KedaSecretSourceCremaLacks_OneErrorNamingWhatToUse(string source, string field, string message)
    {
        var result = Load(OneScaledObject(authentications: $"- metadata: {{name: a}}\n  spec:\n    env: [{{parameter: p, name: P}}]\n    {source}"));

        result.ShouldHaveError($"{A0}.spec.{field}", message);
        result.Errors.ShouldHaveSingleItem();
    }

    [Fact]
    public void Load_GcpSecretManagerCredentials_SaysCremaUsesItsOwnIdentity()
    {
        var yaml = OneScaledObject(authentications:
            "- metadata: {name: a}\n  spec:\n    gcpSecretManager:\n      secrets: [{parameter: p, id: s}]\n      credentials: {clientSecret: {valueFrom: {secretKeyRef: {name: n, key: k}}}}");

        Load(yaml).ShouldHaveError($"{A0}.spec.gcpSecretManager.credentials", "grant that identity roles/secretmanager.secretAccessor and remove credentials");
    }

    [Theory]
    [InlineData("azure-workload", "Azure Workload Identity is not available to Crema (Azure Monitor managed Prometheus and other Azure sources included); Crema supports gcp")]
    [InlineData("aws", "AWS pod identity is not available to Crema (Amazon Managed Prometheus SigV4 and other AWS sources included); Crema supports gcp")]
    [InlineData("aws-eks", "AWS pod identity is not available to Crema")]
    [InlineData("gke", "provider \"gke\" is not a pod identity provider; Crema supports gcp")]
    public void Load_PodIdentityOtherThanGcp_OneErrorNamingGcpAndNone(string provider, string message)
    {
        var yaml = OneScaledObject(authentications: $"- metadata: {{name: a}}\n  spec:\n    podIdentity: {{provider: {provider}}}");

        var result = Load(yaml);

        result.ShouldHaveError($"{A0}.spec.podIdentity.provider", message);
        result.Errors.ShouldHaveSingleItem().Message.ShouldEndWith("or none; pass other credentials through secretTargetRef, file, env or gcpSecretManager");
    }

    [Theory]
    [InlineData("roleArn: arn:aws:iam::1:role/r", "roleArn", "roleArn belongs to AWS pod identity")]
    [InlineData("identityTenantId: t", "identityTenantId", "identityTenantId belongs to Azure Workload Identity")]
    public void Load_PodIdentityFieldsOfOtherClouds_SayWhichCloud(string field, string name, string message)
    {
        var yaml = OneScaledObject(authentications: $"- metadata: {{name: a}}\n  spec:\n    podIdentity: {{provider: gcp, {field}}}");

        Load(yaml).ShouldHaveError($"{A0}.spec.podIdentity.{name}", message);
    }

    [Fact]
    public void Load_PrometheusAwsRegion_ErrorInsteadOfUnknownKeyWarning()
    {
        var yaml = OneScaledObject(triggers: "triggers:\n  - {type: prometheus, metadata: {serverAddress: http://p, query: up, threshold: '1', awsRegion: eu-west-1}}");

        var result = Load(yaml);

        result.ShouldHaveError($"{T0}.metadata.awsRegion", "Amazon Managed Prometheus (SigV4 request signing, awsRegion) is not supported");
        result.Errors.ShouldHaveSingleItem().Message.ShouldContain("run a SigV4 signing proxy (such as aws-sigv4-proxy) and point serverAddress at it");
        result.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void Load_PrometheusAwsRegionFromTriggerAuthentication_ReportedAtTheReference()
    {
        var yaml = OneScaledObject(
            triggers: "triggers:\n  - {type: prometheus, metadata: {serverAddress: http://p, query: up, threshold: '1'}, authenticationRef: {name: a}}",
            authentications: "- metadata: {name: a}\n  spec: {env: [{parameter: awsRegion, name: AWS_REGION}]}");

        Load(yaml).ShouldHaveError($"{T0}.authenticationRef", "parameter \"awsRegion\": Amazon Managed Prometheus");
    }

    [Fact]
    public void Load_PostgreSqlWithAzureWorkloadIdentity_SaysWhatToUseInstead()
    {
        var yaml = OneScaledObject(
            triggers: "triggers:\n  - {type: postgresql, metadata: {host: h, port: '5432', userName: u, dbName: d, sslmode: require, query: SELECT 1, targetQueryValue: '1'}, authenticationRef: {name: a}}",
            authentications: "- metadata: {name: a}\n  spec: {podIdentity: {provider: azure-workload}}");

        Load(yaml).ShouldHaveError($"{T0}.authenticationRef", "podIdentity azure-workload: KEDA's postgresql logs in to Azure Database for PostgreSQL with an Azure access token");
    }

    [Theory]
    [InlineData("0.05")]
    [InlineData("'50m'")]
    [InlineData("0")]
    [InlineData("1e-2")]
    public void Load_Tolerance_KubernetesQuantityAccepted(string tolerance)
    {
        var result = Load(OneScaledObject($"advanced:\n  horizontalPodAutoscalerConfig:\n    behavior:\n      scaleUp: {{tolerance: {tolerance}}}\n      scaleDown: {{tolerance: {tolerance}}}"));

        result.ShouldBeValid();
        result.Config!.Spec.ScaledObjects[0].Spec.Advanced!.HorizontalPodAutoscalerConfig!.Behavior!.ScaleUp!.Tolerance.ShouldBe(tolerance.Trim('\''));
    }

    [Theory]
    [InlineData("five", "\"five\" is not a Kubernetes quantity; write a ratio such as 0.05 or 50m (5%)")]
    [InlineData("5%", "is not a Kubernetes quantity")]
    [InlineData("-0.1", "tolerance must be at least 0, found -0.1")]
    public void Load_BadTolerance_ReportsIt(string tolerance, string message)
    {
        var yaml = OneScaledObject($"advanced:\n  horizontalPodAutoscalerConfig:\n    behavior:\n      scaleDown: {{tolerance: '{tolerance}'}}");

        Load(yaml).ShouldHaveError($"{Behavior}.scaleDown.tolerance", message);
    }

    [Fact]
    public void Load_KedaScalerCremaLacks_ListsCremasTypesAndPointsToTheExternalScaler()
    {
        var registry = TestScalers.Registry(new TestScalerFactory("external") { AcceptAnyKey = true });

        var result = Load(OneScaledObject(triggers: "triggers:\n  - {type: rabbitmq, metadata: {queueName: q}}"), registry);

        result.ShouldHaveError($"{T0}.type",
            "\"rabbitmq\" is a KEDA scaler Crema does not include; Crema's types: cpu, external, github-runner, memory, prometheus; " +
            "run any other scaler behind KEDA's external scaler protocol (type: external, see docs/scalers/external.md)");
    }

    [Fact]
    public void Load_UnknownTypeThatIsNoKedaScaler_SuggestsAndPointsToTheExternalScaler()
    {
        var registry = TestScalers.Registry(new TestScalerFactory("external") { AcceptAnyKey = true });

        var result = Load(OneScaledObject(triggers: "triggers:\n  - {type: cursor, metadata: {a: b}}"), registry);

        result.ShouldHaveError($"{T0}.type", "unknown trigger type \"cursor\"; known types: cpu, external, github-runner, memory, prometheus; run any other scaler behind KEDA's external scaler protocol");
    }
}
