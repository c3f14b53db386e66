using Crema.Abstractions;
using Crema.Scalers.GitHubRunner;

namespace Crema.Tests.Scalers.GitHubRunner;

/// <summary>github-runner's key declarations against KEDA 2.20's typed config: sources, aliases, secrets.</summary>
public sealed class GitHubRunnerKeysTests
{
    private static readonly GitHubRunnerScalerFactory Factory = new();

    private static (GitHubRunnerMetadata Metadata, IReadOnlyList<MetadataError> Errors) Bind(
        Dictionary<string, string> metadata, Dictionary<string, string>? env = null, Dictionary<string, string>? auth = null) =>
        Factory.BindForTest(GitHubRunnerTestContext.Context(metadata, auth, environment: env));

    [Fact]
    public void Bind_EveryMetadataKeyFromEnv_IsReadAsInKeda()
    {
        // KEDA reads each metadata key from trigger metadata, then resolvedEnv (order=triggerMetadata;resolvedEnv).
        var (m, errors) = Bind(new()
        {
            ["githubApiURLFromEnv"] = "URL", ["ownerFromEnv"] = "OWNER", ["runnerScopeFromEnv"] = "SCOPE", ["reposFromEnv"] = "REPOS",
            ["labelsFromEnv"] = "LABELS", ["noDefaultLabelsFromEnv"] = "T", ["enableEtagsFromEnv"] = "T",
            ["matchUnlabeledJobsWithUnlabeledRunnersFromEnv"] = "T", ["targetWorkflowQueueLengthFromEnv"] = "N",
        }, env: new()
        {
            ["URL"] = "https://ghe.example.com/api/v3", ["OWNER"] = "acme", ["SCOPE"] = "repo", ["REPOS"] = "a,b",
            ["LABELS"] = "gpu", ["T"] = "true", ["N"] = "3",
        });

        errors.ShouldBeEmpty();
        m.ApiUrl.ShouldBe(new Uri("https://ghe.example.com/api/v3"));
        m.Owner.ShouldBe("acme");
        m.Scope.ShouldBe(GitHubRunnerScope.Repo);
        m.Repos.ShouldBe(["a", "b"]);
        m.Labels.ShouldBe(["gpu"]);
        m.NoDefaultLabels.ShouldBeTrue();
        m.EnableEtags.ShouldBeTrue();
        m.MatchUnlabeledJobsWithUnlabeledRunners.ShouldBeTrue();
        m.TargetWorkflowQueueLength.ShouldBe(3);
    }

    [Fact]
    public void Bind_GitHubAppIdsFromEnv_AreRead()
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        var (m, errors) = Bind(
            new() { ["owner"] = "acme", ["runnerScope"] = "org", ["applicationIDFromEnv"] = "APP", ["installationIDFromEnv"] = "INST" },
            env: new() { ["APP"] = "12", ["INST"] = "34" },
            auth: new() { ["appKey"] = rsa.ExportRSAPrivateKeyPem() });

        errors.ShouldBeEmpty();
        m.UsesGitHubApp.ShouldBeTrue();
        m.ApplicationId.ShouldBe(12);
        m.InstallationId.ShouldBe(34);
    }

    [Fact]
    public void Bind_BothApiUrlSpellings_GitHubApiUrlWins()
    {
        var (m, errors) = Bind(new() { ["owner"] = "acme", ["runnerScope"] = "org", ["githubAPIURL"] = "https://second.example", ["githubApiURL"] = "https://first.example" });

        errors.ShouldBeEmpty();
        m.ApiUrl.ShouldBe(new Uri("https://first.example"));
    }

    [Theory]
    [InlineData("githubApiURL")]
    [InlineData("githubAPIURL")]
    public void Bind_InvalidApiUrl_NamesTheSpellingWritten(string key)
    {
        var (_, errors) = Bind(new() { ["owner"] = "acme", ["runnerScope"] = "org", [key] = "ftp://example.com" });

        errors.ShouldBe([new MetadataError(key, "\"ftp://example.com\" is not an absolute http(s) URL (for GitHub Enterprise Server: https://HOST/api/v3)")]);
    }

    [Fact]
    public void Bind_LegacyApiUrlSpellingFromEnv_IsRead()
    {
        var (m, errors) = Bind(new() { ["owner"] = "acme", ["runnerScope"] = "org", ["githubAPIURLFromEnv"] = "URL" }, env: new() { ["URL"] = "https://ghe.example/api/v3" });

        errors.ShouldBeEmpty();
        m.ApiUrl.ShouldBe(new Uri("https://ghe.example/api/v3"));
    }

    [Fact]
    public void Bind_RunnerScopeMissing_SaysWhichValues()
    {
        var (_, errors) = Bind(new() { ["owner"] = "acme" });

        errors.ShouldBe([new MetadataError("runnerScope", "is required (org, ent or repo)")]);
    }

    [Fact]
    public void Validate_TokenInMetadata_IsNotReadAsInKeda()
    {
        // KEDA reads personalAccessToken and appKey from the authenticationRef only (order=authParams).
        var context = GitHubRunnerTestContext.Context(
            new Dictionary<string, string> { ["owner"] = "acme", ["runnerScope"] = "org", ["personalAccessToken"] = "ghp_in_metadata" }, auth: new Dictionary<string, string>());

        var validation = Factory.Validate(context);

        validation.UnknownKeys.ShouldBeEmpty();
        validation.Warnings.ShouldBe([new MetadataError("personalAccessToken", "is ignored: personalAccessToken is read only from the authenticationRef's parameters, not from metadata")]);
        var error = validation.Errors.ShouldHaveSingleItem();
        error.Key.ShouldBe("personalAccessToken");
        error.Source.ShouldBe(MetadataSource.AuthParams);
        error.ToString().ShouldNotContain("ghp_in_metadata");
    }

    [Fact]
    public void Validate_ValidTrigger_RaisesNoWarning()
    {
        var validation = Factory.Validate(GitHubRunnerTestContext.Context(new Dictionary<string, string> { ["owner"] = "acme", ["runnerScope"] = "ent" }));

        validation.Errors.ShouldBeEmpty();
        validation.Warnings.ShouldBeEmpty();
    }
}
