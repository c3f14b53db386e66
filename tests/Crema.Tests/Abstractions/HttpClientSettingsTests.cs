using Crema.Abstractions;

namespace Crema.Tests.Abstractions;

public sealed class HttpClientSettingsTests
{
    [Fact]
    public void ToString_WithClientKey_ShowsNoPem()
    {
        var settings = new HttpClientSettings(ClientCertificatePem: "-----BEGIN CERTIFICATE-----c", ClientKeyPem: "-----BEGIN PRIVATE KEY-----secret");

        var text = settings.ToString();

        text.ShouldNotContain("secret");
        text.ShouldNotContain("BEGIN");
        text.ShouldContain("ClientCertificate = True");
    }
}
