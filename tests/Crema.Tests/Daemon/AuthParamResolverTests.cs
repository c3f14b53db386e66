using Crema.Core.Configuration;
using Crema.Google.Secrets;
using Crema.Host.Daemon;
using Crema.Tests.Support;

namespace Crema.Tests.Daemon;

public sealed class AuthParamResolverTests
{
    [Theory]
    [InlineData("token", "latest", "e2e", "token", "latest")]
    [InlineData("projects/other/secrets/token", "3", "other", "token", "3")]
    [InlineData("projects/other/secrets/token/versions/7", "latest", "other", "token", "7")]
    public void SplitSecretName_IdForms_ProjectIdAndVersion(string id, string version, string project, string secret, string expectedVersion) =>
        AuthParamResolver.SplitSecretName(id, version, "e2e").ShouldBe((project, secret, expectedVersion));

    [Fact]
    public async Task ResolveAsync_SecretReadTwiceWithinInterval_ReadOnceUntilIntervalPasses()
    {
        var time = new FakeTimeProvider();
        var secrets = new CountingSecrets();
        var resolver = new AuthParamResolver(secrets, _ => null, time);
        var authentication = new TriggerAuthentication
        {
            Metadata = new ObjectMetadata { Name = "auth" },
            Spec = new TriggerAuthenticationSpec { GcpSecretManager = new GcpSecretManager { Secrets = [new GcpSecret { Parameter = "token", Id = "api" }] } },
        };

        await resolver.ResolveAsync(authentication, "e2e", CancellationToken.None);
        time.Advance(AuthParamResolver.SecretRefreshInterval - TimeSpan.FromSeconds(1));
        await resolver.ResolveAsync(authentication, "e2e", CancellationToken.None);
        secrets.Reads.ShouldBe(1);

        time.Advance(TimeSpan.FromSeconds(1));
        (await resolver.ResolveAsync(authentication, "e2e", CancellationToken.None))["token"].ShouldBe("value-2");
        secrets.Reads.ShouldBe(2);
    }

    [Fact]
    public async Task ResolveAsync_EnvironmentVariableMissing_ErrorNamesVariableNotValue()
    {
        var resolver = new AuthParamResolver(null, _ => null, new FakeTimeProvider());
        var authentication = new TriggerAuthentication
        {
            Metadata = new ObjectMetadata { Name = "auth" },
            Spec = new TriggerAuthenticationSpec { Env = [new EnvParameter { Parameter = "password", Name = "DB_PASSWORD" }] },
        };

        var error = await Should.ThrowAsync<InvalidOperationException>(() => resolver.ResolveAsync(authentication, "e2e", CancellationToken.None));

        error.Message.ShouldContain("DB_PASSWORD");
    }

    private sealed class CountingSecrets : ISecretManagerClient
    {
        public int Reads { get; private set; }

        public Task<byte[]> AccessAsync(string project, string secretId, string version, CancellationToken cancellationToken)
        {
            Reads++;
            return Task.FromResult(System.Text.Encoding.UTF8.GetBytes($"value-{Reads}"));
        }
    }
}
