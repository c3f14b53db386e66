using Crema.Abstractions;
using Crema.Scalers.Gcp.PubSub;

namespace Crema.Tests.Scalers.Gcp;

public sealed class GcpCredentialBinderTests
{
    private static readonly PubSubScalerFactory Factory = new();
    private static readonly Dictionary<string, string> Sub = new() { ["subscriptionName"] = "sub" };

    [Fact]
    public void Bind_AuthParamKey_UsesServiceAccountAndItsProject()
    {
        var json = GcpTestContext.ServiceAccountJson("a@p.iam.gserviceaccount.com", "key-proj");

        var (m, errors) = Factory.BindForTest(GcpTestContext.Create("gcp-pubsub", Sub,
            authParams: new Dictionary<string, string> { ["GoogleApplicationCredentials"] = json }));

        errors.ShouldBeEmpty();
        m.Credentials.UsesDaemonIdentity.ShouldBeFalse();
        m.Credentials.ClientEmail.ShouldBe("a@p.iam.gserviceaccount.com");
        m.Credentials.ProjectId.ShouldBe("key-proj");
        m.Credentials.ToString().ShouldNotContain("PRIVATE KEY");
        m.ToString().ShouldNotContain("PRIVATE KEY");
    }

    [Fact]
    public void Bind_CredentialsFromEnv_ReadsTheVariable()
    {
        var json = GcpTestContext.ServiceAccountJson("env@p.iam.gserviceaccount.com");

        var (m, errors) = Factory.BindForTest(GcpTestContext.Create("gcp-pubsub",
            new Dictionary<string, string>(Sub) { ["credentialsFromEnv"] = "GOOGLE_JSON" },
            environment: new Dictionary<string, string> { ["GOOGLE_JSON"] = json }));

        errors.ShouldBeEmpty();
        m.Credentials.ClientEmail.ShouldBe("env@p.iam.gserviceaccount.com");
    }

    [Fact]
    public void Bind_CredentialsFromEnvFile_ReadsTheFileTheVariableNames()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, GcpTestContext.ServiceAccountJson("file@p.iam.gserviceaccount.com"));

            var (m, errors) = Factory.BindForTest(GcpTestContext.Create("gcp-pubsub",
                new Dictionary<string, string>(Sub) { ["credentialsFromEnvFile"] = "KEY_FILE" },
                environment: new Dictionary<string, string> { ["KEY_FILE"] = path }));

            errors.ShouldBeEmpty();
            m.Credentials.ClientEmail.ShouldBe("file@p.iam.gserviceaccount.com");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Bind_PodIdentity_UsesDaemonIdentityEvenWithAKey()
    {
        var (m, errors) = Factory.BindForTest(GcpTestContext.Create("gcp-pubsub", Sub,
            authParams: new Dictionary<string, string> { ["GoogleApplicationCredentials"] = GcpTestContext.ServiceAccountJson() },
            podIdentity: true));

        errors.ShouldBeEmpty();
        m.Credentials.UsesDaemonIdentity.ShouldBeTrue();
    }

    [Theory]
    [InlineData("{not json", "not valid JSON")]
    [InlineData("{\"type\":\"authorized_user\",\"client_id\":\"x\"}", "not a service-account JSON key")]
    [InlineData("{\"type\":\"service_account\",\"client_email\":\"a@b\"}", "not a service-account JSON key")]
    public void Bind_BadKey_ReportsAuthParamWithoutQuotingIt(string json, string message)
    {
        var (_, errors) = Factory.BindForTest(GcpTestContext.Create("gcp-pubsub", Sub,
            authParams: new Dictionary<string, string> { ["GoogleApplicationCredentials"] = json }));

        var error = errors.ShouldHaveSingleItem();
        error.Key.ShouldBe("GoogleApplicationCredentials");
        error.Source.ShouldBe(MetadataSource.AuthParams);
        error.Message.ShouldContain(message);
        error.Message.ShouldNotContain(json);
    }
}
