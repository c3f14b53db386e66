using Crema.Scalers.Temporal;
using Crema.Tests.Support;
using Temporalio.Api.Enums.V1;

namespace Crema.Tests.Scalers.Temporal;

/// <summary>Binding of every key, with KEDA 2.20's temporal_scaler_test.go cases transcribed and Crema's exact messages.</summary>
public sealed class TemporalMetadataTests
{
    private const string Keda = "endpoint=localhost:7233|taskQueue=default|namespace=v2";

    // KEDA's testTemporalMetadata, in its order (entry 0 is "nothing passed").
    [Theory]
    [InlineData("-endpoint|-taskQueue", "endpoint: is required; taskQueue: is required")]
    [InlineData("endpoint=localhost:7233|namespace=v2|-taskQueue", "taskQueue: is required")]
    [InlineData("endpoint=localhost:7233|taskQueue=default", "")]
    [InlineData("-endpoint|taskQueue=default|namespace=v2", "endpoint: is required")]
    [InlineData(Keda + "|minConnectTimeout=-1", "minConnectTimeout: must be >= 0, found -1")]
    [InlineData(Keda, "")]
    [InlineData(Keda + "|activationTargetQueueSize=10", "")]
    [InlineData(Keda + "|workerDeploymentName=my-deploy", "workerDeploymentBuildId: is required when workerDeploymentName is given (a Worker Deployment Version is named by both)")]
    [InlineData(Keda + "|workerDeploymentBuildId=v1", "workerDeploymentName: is required when workerDeploymentBuildId is given (a Worker Deployment Version is named by both)")]
    [InlineData(Keda + "|workerDeploymentName=my-deploy|workerDeploymentBuildId=v1|buildId=v1", "buildId: cannot be combined with workerDeploymentName and workerDeploymentBuildId")]
    [InlineData(Keda + "|workerDeploymentName=my-deploy|workerDeploymentBuildId=v1|selectAllActive=true", "selectAllActive: cannot be combined with workerDeploymentName and workerDeploymentBuildId")]
    [InlineData(Keda + "|workerDeploymentName=my-deploy|workerDeploymentBuildId=v1", "")]
    [InlineData(Keda + "|buildId=v1", "")]
    // Crema's further checks, each with its exact message.
    [InlineData(Keda + "|workerDeploymentName=d|workerDeploymentBuildId=v1|selectUnversioned=true", "selectUnversioned: cannot be combined with workerDeploymentName and workerDeploymentBuildId")]
    [InlineData(Keda + "|workerDeploymentName=d|workerDeploymentBuildId=v1|selectAllActive=false", "")]
    [InlineData(Keda + "|targetQueueSize=-1", "targetQueueSize: must be >= 0, found -1")]
    [InlineData(Keda + "|targetQueueSize=0", "")]
    [InlineData(Keda + "|targetQueueSize=2.5", "targetQueueSize: \"2.5\" is not an integer")]
    [InlineData(Keda + "|activationTargetQueueSize=-3", "activationTargetQueueSize: must be >= 0, found -3")]
    [InlineData(Keda + "|minConnectTimeout=5s", "minConnectTimeout: \"5s\" is not an integer")]
    [InlineData(Keda + "|queueTypes=workflow,timer", "queueTypes: \"timer\" is not one of: workflow, activity, nexus")]
    [InlineData(Keda + "|selectAllActive=yes", "selectAllActive: \"yes\" is not a boolean (true or false)")]
    [InlineData(Keda + "|unsafeSsl=maybe", "unsafeSsl: \"maybe\" is not a boolean (true or false)")]
    [InlineData("endpoint=http://temporal:7233|taskQueue=q", "endpoint: \"http://temporal:7233\" is a URL; give host:port (TLS follows from apiKey or cert and key, not from a scheme)")]
    [InlineData("endpoint=temporal:99999|taskQueue=q", "endpoint: \"temporal:99999\" has no valid port (1-65535)")]
    [InlineData("-endpoint|-taskQueue|targetQueueSize=x|queueTypes=timer", "endpoint: is required; taskQueue: is required; targetQueueSize: \"x\" is not an integer; queueTypes: \"timer\" is not one of: workflow, activity, nexus")]
    public void Bind_KedaAndCremaCases_ReportExactlyTheseErrors(string metadata, string expected)
    {
        var (_, errors) = TemporalTriggers.Bind(metadata);

        string.Join("; ", errors).ShouldBe(expected);
    }

    [Fact]
    public void Bind_OnlyRequiredKeys_TakesKedasDefaults()
    {
        var (metadata, errors) = TemporalTriggers.Bind("endpoint=test:7233|taskQueue=testxx");

        errors.ShouldBeEmpty();
        metadata.Endpoint.ShouldBe(new TemporalEndpoint("test", 7233));
        metadata.Namespace.ShouldBe("default");
        metadata.TaskQueue.ShouldBe("testxx");
        metadata.TargetQueueSize.ShouldBe(5);
        metadata.ActivationTargetQueueSize.ShouldBe(0);
        metadata.QueueTypes.ShouldBe([TaskQueueType.Activity, TaskQueueType.Workflow, TaskQueueType.Nexus]);
        metadata.GivenQueueTypes.ShouldBeFalse();
        metadata.BuildId.ShouldBeEmpty();
        metadata.SelectAllActive.ShouldBeFalse();
        metadata.SelectUnversioned.ShouldBeFalse();
        metadata.ApiKey.ShouldBeNull();
        metadata.MinConnectTimeout.ShouldBe(TimeSpan.FromSeconds(5));
        metadata.Tls.ShouldBeNull();
        metadata.Mode.ShouldBe(TemporalMode.Unversioned);
    }

    [Fact]
    public void Bind_QueueTypes_KeepsTheGivenOrderWithoutRepeats()
    {
        var (metadata, errors) = TemporalTriggers.Bind("queueTypes=workflow, Activity,workflow");

        errors.ShouldBeEmpty();
        metadata.QueueTypes.ShouldBe([TaskQueueType.Workflow, TaskQueueType.Activity]);
        metadata.GivenQueueTypes.ShouldBeTrue();
    }

    [Fact]
    public void Bind_FromEnv_ReadsEndpointNamespaceAndTaskQueue()
    {
        var environment = new Dictionary<string, string> { ["TEMPORAL_ENDPOINT"] = "test:7233", ["TEMPORAL_NS"] = "prod", ["TEMPORAL_TQ"] = "testxx", ["TEMPORAL_KEY"] = "env-key" };

        var (metadata, errors) = TemporalTriggers.Bind(
            "-endpoint|-taskQueue|endpointFromEnv=TEMPORAL_ENDPOINT|namespaceFromEnv=TEMPORAL_NS|taskQueueFromEnv=TEMPORAL_TQ|apiKeyFromEnv=TEMPORAL_KEY", environment: environment);

        errors.ShouldBeEmpty();
        metadata.Endpoint.ShouldBe(new TemporalEndpoint("test", 7233));
        metadata.Namespace.ShouldBe("prod");
        metadata.TaskQueue.ShouldBe("testxx");
        metadata.ApiKey.ShouldBe("env-key");
        metadata.Tls.ShouldNotBeNull();
    }

    [Fact]
    public void Bind_ApiKey_ComesFromTheAuthParamsBeforeTheEnvironmentAndNeverFromMetadata()
    {
        var environment = new Dictionary<string, string> { ["KEY"] = "env-key" };

        var (fromAuth, _) = TemporalTriggers.Bind("apiKeyFromEnv=KEY", auth: "apiKey=test01", environment: environment);
        var (fromMetadata, _) = TemporalTriggers.Bind("apiKey=test-api-key");

        fromAuth.ApiKey.ShouldBe("test01");
        fromAuth.Tls.ShouldBe(new TemporalTls(false, null, null, null, null, null));
        fromMetadata.ApiKey.ShouldBeNull();
    }

    [Fact]
    public void Bind_TlsServerNameWithCertificate_BuildsMutualTls()
    {
        using var certificates = TemporalTestCertificates.Create();

        var (metadata, errors) = TemporalTriggers.Bind("tlsServerName=my-namespace.tmpr.cloud|unsafeSsl=true",
            auth: $"cert={certificates.ClientCertificatePem}|key={certificates.EncryptedClientKeyPem("password")}|keyPassword=password|ca={certificates.CaPem}");

        errors.ShouldBeEmpty();
        metadata.Tls.ShouldNotBeNull();
        metadata.Tls.ServerName.ShouldBe("my-namespace.tmpr.cloud");
        metadata.Tls.UnsafeSsl.ShouldBeTrue();
        metadata.Tls.HasClientCertificate.ShouldBeTrue();
        metadata.Tls.KeyPassword.ShouldBe("password");
        metadata.ToString().ShouldNotContain("PRIVATE KEY");
        metadata.ToString().ShouldNotContain("password\"");
    }

    [Theory]
    [InlineData("cert=c", "key: is required when cert is given (mTLS needs both cert and key) (as a parameter of the trigger's authenticationRef)")]
    [InlineData("key=k", "cert: is required when key is given (mTLS needs both cert and key) (as a parameter of the trigger's authenticationRef)")]
    [InlineData("ca=c", "ca: has no effect: the connection uses TLS only with apiKey, or with cert and key")]
    [InlineData("keyPassword=p", "keyPassword: has no effect without cert and key")]
    [InlineData("apiKey=k|ca=not-a-pem", "ca: is not a PEM certificate")]
    [InlineData("cert=not-a-pem|key=not-a-pem", "cert: is not a PEM certificate matching the PEM key in key (an encrypted key needs keyPassword)")]
    public void Bind_BadAuthParams_ReportsThemWithoutTheirValues(string auth, string expected)
    {
        var (_, errors) = TemporalTriggers.Bind("", auth: auth);

        string.Join("; ", errors).ShouldBe(expected);
    }

    [Fact]
    public void Bind_WrongKeyPassword_IsReportedOnKeyPassword()
    {
        using var certificates = TemporalTestCertificates.Create();

        var (_, errors) = TemporalTriggers.Bind("",
            auth: $"cert={certificates.ClientCertificatePem}|key={certificates.EncryptedClientKeyPem("right")}|keyPassword=wrong");

        string.Join("; ", errors).ShouldBe("keyPassword: does not decrypt key into the key of cert (key must be an encrypted PKCS#8 PEM, ENCRYPTED PRIVATE KEY)");
    }

    [Fact]
    public void Validate_SecretsAndEnvironment_AreCheckedForPresenceOnly()
    {
        var context = TestTriggers.For("temporal",
            TestTriggers.Parse("endpointFromEnv=E|taskQueue=q|workerDeploymentNameFromEnv=D|workerDeploymentBuildIdFromEnv=B"),
            TestTriggers.Parse("apiKey=|cert=|key=|ca="), validationOnly: true);

        var validation = TemporalTriggers.Factory.Validate(context);

        validation.Errors.ShouldBeEmpty();
        validation.UnknownKeys.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("buildId=v1", "buildId: is deprecated: Temporal Server is dropping the Rules-Based Versioning APIs (KEDA removes this key in v2.21); use workerDeploymentName and workerDeploymentBuildId instead")]
    [InlineData("selectAllActive=true", "selectAllActive: is deprecated: Temporal Server is dropping the Rules-Based Versioning APIs (KEDA removes this key in v2.21); use workerDeploymentName and workerDeploymentBuildId instead")]
    [InlineData("selectUnversioned=false", "selectUnversioned: is deprecated: Temporal Server is dropping the Rules-Based Versioning APIs (KEDA removes this key in v2.21); remove it if your workers are unversioned, or use workerDeploymentName and workerDeploymentBuildId")]
    public void Validate_LegacyBuildIdKeys_WarnAsKedaAnnounces(string metadata, string expected)
    {
        var validation = TemporalTriggers.Factory.Validate(TemporalTriggers.Context(metadata));

        validation.Errors.ShouldBeEmpty();
        string.Join("; ", validation.Warnings).ShouldBe(expected);
    }

    // KEDA's TestScalerMode.
    [Theory]
    [InlineData("", "Unversioned")]
    [InlineData("workerDeploymentName=d|workerDeploymentBuildId=v1", "DeploymentVersion")]
    [InlineData("buildId=v1", "BuildId")]
    [InlineData("selectAllActive=true", "BuildId")]
    [InlineData("selectUnversioned=true", "BuildId")]
    [InlineData("selectUnversioned=false", "Unversioned")]
    public void Mode_FollowsTheVersioningKeys(string metadata, string expected) =>
        TemporalTriggers.Bind(metadata).Metadata.Mode.ToString().ShouldBe(expected);

    // KEDA's TestAuthType, as the identity Crema names in messages.
    [Theory]
    [InlineData("", null, "no credentials")]
    [InlineData("apiKey=secret", null, "the API key from apiKey")]
    [InlineData("", "CN=worker", "client certificate \"CN=worker\"")]
    [InlineData("apiKey=secret", "CN=worker", "the API key from apiKey and client certificate \"CN=worker\"")]
    public void Identity_NamesTheCredentialNeverItsValue(string auth, string? subject, string expected) =>
        TemporalTriggers.Bind("", auth: auth).Metadata.Identity(subject).ShouldBe(expected);

    [Theory]
    [InlineData(6, 5, true)]
    [InlineData(5, 5, false)]
    [InlineData(0, 0, false)]
    [InlineData(1, 0, true)]
    public void Interpret_Backlog_IsActiveAboveActivationTargetQueueSize(double backlog, long activation, bool active)
    {
        var reading = TemporalTriggers.Factory.Interpret(TemporalTriggers.Context($"activationTargetQueueSize={activation}|targetQueueSize=3"), backlog);

        reading.ShouldBe(new Crema.Abstractions.MetricReading(backlog, 3, active));
    }
}
