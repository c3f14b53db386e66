using Crema.Abstractions;
using Crema.Scalers.Http;

namespace Crema.Tests.Scalers.Http;

public class HttpAuthenticationTests
{
    private static HttpAuthentication Bind(string authModes, Dictionary<string, string> authParams)
    {
        var binder = new MetadataBinder(new ScalerContext
        {
            TriggerType = "t",
            TriggerName = "0",
            ScaledObjectName = "w",
            Metadata = new Dictionary<string, string> { ["authModes"] = authModes },
            AuthParams = authParams,
        });
        var auth = HttpAuthentication.Bind(binder, HttpAuthModes.All);
        binder.Errors.ShouldBeEmpty();
        return auth;
    }

    [Fact]
    public void ClientSettings_Tls_CarriesCertificateKeyAndCa() =>
        Bind("tls", new() { ["cert"] = "C", ["key"] = "K", ["ca"] = "A" }).ClientSettings(unsafeSsl: true)
            .ShouldBe(new HttpClientSettings(UnsafeSsl: true, CaCertificatePem: "A", ClientCertificatePem: "C", ClientKeyPem: "K"));

    [Fact]
    public void ClientSettings_CaWithoutTlsMode_StillTrustsTheCa() =>
        Bind("bearer", new() { ["bearerToken"] = "t", ["ca"] = "A", ["cert"] = "ignored" }).ClientSettings(unsafeSsl: false)
            .ShouldBe(new HttpClientSettings(CaCertificatePem: "A"));

    [Fact]
    public void ClientSettings_None_IsTheDefault() =>
        HttpAuthentication.None.ClientSettings(unsafeSsl: false).ShouldBe(HttpClientSettings.Default);

    [Fact]
    public void SecretValues_ListOnlyTheSecrets() =>
        Bind("basic,custom", new() { ["username"] = "u", ["password"] = "p", ["customAuthHeader"] = "H", ["customAuthValue"] = "v" })
            .SecretValues.ShouldBe(["p", "v"]);

    [Fact]
    public void Apply_CustomHeader_ReplacesAnExistingValue()
    {
        var auth = Bind("custom", new() { ["customAuthHeader"] = "X-Key", ["customAuthValue"] = "secret" });
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://x/");
        request.Headers.Add("X-Key", "from-customHeaders");

        auth.Apply(request);

        request.Headers.GetValues("X-Key").ShouldBe(["secret"]);
    }
}
