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
        var resolver = Resolver(secrets, time);
        var authentication = new TriggerAuthentication
        {
            Metadata = new ObjectMetadata { Name = "auth" },
            Spec = new TriggerAuthenticationSpec { GcpSecretManager = new GcpSecretManager { Secrets = [new GcpSecret { Parameter = "token", Id = "api" }] } },
        };

        await resolver.ResolveAsync(authentication, CancellationToken.None);
        time.Advance(AuthParamResolver.SecretRefreshInterval - TimeSpan.FromSeconds(1));
        await resolver.ResolveAsync(authentication, CancellationToken.None);
        secrets.Reads.ShouldBe(1);

        time.Advance(TimeSpan.FromSeconds(1));
        (await resolver.ResolveAsync(authentication, CancellationToken.None))["token"].ShouldBe("value-2");
        secrets.Reads.ShouldBe(2);
    }

    [Fact]
    public async Task ResolveAsync_EnvironmentVariableMissing_ErrorNamesVariableNotValue()
    {
        var resolver = Resolver(null, new FakeTimeProvider());
        var authentication = new TriggerAuthentication
        {
            Metadata = new ObjectMetadata { Name = "auth" },
            Spec = new TriggerAuthenticationSpec { Env = [new EnvParameter { Parameter = "password", Name = "DB_PASSWORD" }] },
        };

        var error = await Should.ThrowAsync<InvalidOperationException>(() => resolver.ResolveAsync(authentication, CancellationToken.None));

        error.Message.ShouldContain("DB_PASSWORD");
    }

    [Fact]
    public async Task ResolveAsync_BareSecretId_ReadFromCremasOwnProject()
    {
        var secrets = new CountingSecrets();
        var resolver = Resolver(secrets, new FakeTimeProvider(), ownProject: "crema-home");

        await resolver.ResolveAsync(WithSecret("api"), CancellationToken.None);
        await resolver.ResolveAsync(WithSecret("projects/other/secrets/api"), CancellationToken.None);

        secrets.Names.ShouldBe(["crema-home/api/latest", "other/api/latest"]);
    }

    [Fact]
    public async Task ResolveAsync_BareSecretIdAndOwnProjectUnknown_ErrorSaysHowToNameTheProject()
    {
        var resolver = new AuthParamResolver(new CountingSecrets(), _ => null, new FakeTimeProvider(), new SecretsDirectory("/nowhere"),
            _ => throw new InvalidOperationException("set GOOGLE_CLOUD_PROJECT, or write the id as projects/PROJECT/secrets/ID"));

        var error = await Should.ThrowAsync<InvalidOperationException>(() => resolver.ResolveAsync(WithSecret("api"), CancellationToken.None));

        error.Message.ShouldBe("triggerAuthentication \"auth\": secret \"api\": set GOOGLE_CLOUD_PROJECT, or write the id as projects/PROJECT/secrets/ID");
    }

    [Fact]
    public async Task ResolveAsync_SecretTargetRef_ReadsDirNameKeyExactly()
    {
        var directory = Directory.CreateTempSubdirectory("crema-secrets-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(directory, "db"));
            await File.WriteAllTextAsync(Path.Combine(directory, "db", "password"), "s3cret-pass\n");
            var resolver = Resolver(null, new FakeTimeProvider(), secretsDirectory: directory);

            var values = await resolver.ResolveAsync(WithSecretTargetRef("db", "password"), CancellationToken.None);

            values["password"].ShouldBe("s3cret-pass\n");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task ResolveAsync_SecretTargetRefFileMissing_ErrorNamesPathAndHowToMountIt()
    {
        var directory = Directory.CreateTempSubdirectory("crema-secrets-").FullName;
        try
        {
            var resolver = Resolver(null, new FakeTimeProvider(), secretsDirectory: directory);

            var error = await Should.ThrowAsync<InvalidOperationException>(() => resolver.ResolveAsync(WithSecretTargetRef("db", "password"), CancellationToken.None));

            var file = Path.Combine(directory, "db", "password");
            error.Message.ShouldContain($"{file} does not exist (secrets directory {directory}, from --secrets-dir or CREMA_SECRETS_DIR)");
            error.Message.ShouldContain($"on Cloud Run, --update-secrets={file}=SECRET_ID:latest");
            error.Message.ShouldContain($"on GKE, a volume with secret.secretName: db mounted at {Path.Combine(directory, "db")}");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Theory]
    [InlineData(null, null, "/secrets")]
    [InlineData(null, "/from-env", "/from-env")]
    [InlineData("/from-flag", "/from-env", "/from-flag")]
    public void SecretsDirectory_FlagThenVariableThenDefault(string? flag, string? variable, string expected) =>
        SecretsDirectory.From(flag, name => name == "CREMA_SECRETS_DIR" ? variable : null).Path.ShouldBe(expected);

    private static AuthParamResolver Resolver(ISecretManagerClient? secrets, TimeProvider time, string ownProject = "e2e", string secretsDirectory = "/nowhere") =>
        new(secrets, _ => null, time, new SecretsDirectory(secretsDirectory), _ => Task.FromResult(ownProject));

    private static TriggerAuthentication WithSecret(string id) => new()
    {
        Metadata = new ObjectMetadata { Name = "auth" },
        Spec = new TriggerAuthenticationSpec { GcpSecretManager = new GcpSecretManager { Secrets = [new GcpSecret { Parameter = "token", Id = id }] } },
    };

    private static TriggerAuthentication WithSecretTargetRef(string name, string key) => new()
    {
        Metadata = new ObjectMetadata { Name = "auth" },
        Spec = new TriggerAuthenticationSpec { SecretTargetRef = [new SecretTargetRef { Parameter = "password", Name = name, Key = key }] },
    };

    private sealed class CountingSecrets : ISecretManagerClient
    {
        public int Reads { get; private set; }

        public List<string> Names { get; } = [];

        public Task<byte[]> AccessAsync(string project, string secretId, string version, CancellationToken cancellationToken)
        {
            Reads++;
            Names.Add($"{project}/{secretId}/{version}");
            return Task.FromResult(System.Text.Encoding.UTF8.GetBytes($"value-{Reads}"));
        }
    }
}
