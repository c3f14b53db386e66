using System.Security.Cryptography;
using Crema.Abstractions;
using Crema.Scalers.GitHubRunner;
using Crema.Tests.Scalers.GitHubRunner.Fake;
using Crema.Tests.Support;

namespace Crema.Tests.Scalers.GitHubRunner;

public sealed class GitHubRunnerAppAuthTests : IAsyncLifetime, IDisposable
{
    private readonly FakeTimeProvider time = new();
    private readonly RSA key = RSA.Create(2048);
    private FakeGitHubApi github = null!;

    public async Task InitializeAsync()
    {
        github = await FakeGitHubApi.StartAsync(time: time);
        github.RegisterApp(appId: 12, installationId: 34, key.ExportSubjectPublicKeyInfoPem());
        github.AddQueuedJob("acme", "app", "self-hosted");
    }

    public async Task DisposeAsync() => await github.DisposeAsync();

    public void Dispose() => key.Dispose();

    private IScaler Scaler(string appKeyPem) => GitHubRunnerTestContext.Scaler(github.ApiUrl, time,
        new Dictionary<string, string> { ["repos"] = "app", ["applicationID"] = "12", ["installationID"] = "34" },
        new Dictionary<string, string> { ["appKey"] = appKeyPem });

    [Fact]
    public async Task ReadAsync_GitHubApp_ExchangesASignedJwtForAnInstallationToken()
    {
        await using var scaler = Scaler(key.ExportRSAPrivateKeyPem());

        var reading = await scaler.ReadAsync(CancellationToken.None);

        reading.Value.ShouldBe(1);
        github.InstallationTokensIssued.ShouldBe(1);
        github.Requests[0].Path.ShouldBe("/app/installations/34/access_tokens");
        github.Requests[0].Status.ShouldBe(201);
        reading.Details!["api_requests"].ShouldBe(4);
    }

    [Fact]
    public async Task ReadAsync_Pkcs8AppKey_IsAccepted()
    {
        await using var scaler = Scaler(key.ExportPkcs8PrivateKeyPem());

        (await scaler.ReadAsync(CancellationToken.None)).Value.ShouldBe(1);
    }

    [Fact]
    public async Task ReadAsync_TokenStillFresh_IsReused()
    {
        await using var scaler = Scaler(key.ExportRSAPrivateKeyPem());
        await scaler.ReadAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(50));

        await scaler.ReadAsync(CancellationToken.None);

        github.InstallationTokensIssued.ShouldBe(1);
    }

    [Fact]
    public async Task ReadAsync_TokenNearExpiry_IsRefreshedBeforeItExpires()
    {
        await using var scaler = Scaler(key.ExportRSAPrivateKeyPem());
        await scaler.ReadAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromHours(1) - GitHubAppTokenSource.RefreshBefore);

        var reading = await scaler.ReadAsync(CancellationToken.None);

        github.InstallationTokensIssued.ShouldBe(2);
        github.Requests.ShouldNotContain(r => r.Status == 401);
        reading.Value.ShouldBe(1);
    }

    [Fact]
    public async Task ReadAsync_KeyOfAnotherApp_FailsWithout401Details()
    {
        using var other = RSA.Create(2048);
        await using var scaler = Scaler(other.ExportRSAPrivateKeyPem());

        var error = await Should.ThrowAsync<GitHubApiException>(async () => await scaler.ReadAsync(CancellationToken.None));

        error.Message.ShouldContain("401");
        error.Message.ShouldNotContain("PRIVATE KEY");
        github.InstallationTokensIssued.ShouldBe(0);
    }
}
