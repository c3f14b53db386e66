using System.Security.Cryptography;
using Crema.Abstractions;
using Crema.Scalers.GitHubRunner;

namespace Crema.Tests.Scalers.GitHubRunner;

public sealed class GitHubRunnerMetadataTests
{
    private static readonly GitHubRunnerScalerFactory Factory = new();

    private static Dictionary<string, string> Minimal(params (string Key, string Value)[] extra)
    {
        var metadata = new Dictionary<string, string> { ["owner"] = "acme", ["runnerScope"] = "org" };
        foreach (var (key, value) in extra)
        {
            metadata[key] = value;
        }
        return metadata;
    }

    private static (GitHubRunnerMetadata Metadata, IReadOnlyList<MetadataError> Errors) Bind(
        Dictionary<string, string> metadata, Dictionary<string, string>? auth = null, bool validationOnly = false) =>
        Factory.BindForTest(GitHubRunnerTestContext.Context(metadata, auth, validationOnly: validationOnly));

    [Fact]
    public void Bind_MinimalTrigger_UsesKedaDefaults()
    {
        var (metadata, errors) = Bind(Minimal());

        errors.ShouldBeEmpty();
        metadata.ApiUrl.ShouldBe(new Uri("https://api.github.com"));
        metadata.Owner.ShouldBe("acme");
        metadata.Scope.ShouldBe(GitHubRunnerScope.Org);
        metadata.Repos.ShouldBeEmpty();
        metadata.Labels.ShouldBeEmpty();
        metadata.NoDefaultLabels.ShouldBeFalse();
        metadata.MatchUnlabeledJobsWithUnlabeledRunners.ShouldBeFalse();
        metadata.EnableEtags.ShouldBeFalse();
        metadata.TargetWorkflowQueueLength.ShouldBe(1);
        metadata.PersonalAccessToken.ShouldBe(GitHubRunnerTestContext.Token);
        metadata.UsesGitHubApp.ShouldBeFalse();
    }

    public static TheoryData<string, string, string> Fields => new()
    {
        { "githubApiURL", "https://ghe.example.com/api/v3/", "https://ghe.example.com/api/v3" },
        { "githubAPIURL", "https://ghe.example.com/api/v3", "https://ghe.example.com/api/v3" },
        { "runnerScope", "ent", "Ent" },
        { "runnerScope", "repo", "Repo" },
        { "runnerScope", "ORG", "Org" },
        { "repos", "app, api ,,web", "app|api|web" },
        { "labels", "gpu,large", "gpu|large" },
        { "noDefaultLabels", "true", "True" },
        { "matchUnlabeledJobsWithUnlabeledRunners", "TRUE", "True" },
        { "enableEtags", "true", "True" },
        { "targetWorkflowQueueLength", "5", "5" },
    };

    [Theory]
    [MemberData(nameof(Fields))]
    public void Bind_Field_IsParsed(string key, string value, string expected)
    {
        var (metadata, errors) = Bind(Minimal((key, value)));

        errors.ShouldBeEmpty();
        Read(metadata, key).ShouldBe(expected);
    }

    private static string Read(GitHubRunnerMetadata m, string key) => key switch
    {
        "githubApiURL" or "githubAPIURL" => m.ApiUrl.AbsoluteUri.TrimEnd('/'),
        "runnerScope" => m.Scope.ToString(),
        "repos" => string.Join("|", m.Repos),
        "labels" => string.Join("|", m.Labels),
        "noDefaultLabels" => m.NoDefaultLabels.ToString(),
        "matchUnlabeledJobsWithUnlabeledRunners" => m.MatchUnlabeledJobsWithUnlabeledRunners.ToString(),
        "enableEtags" => m.EnableEtags.ToString(),
        "targetWorkflowQueueLength" => m.TargetWorkflowQueueLength.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => throw new ArgumentOutOfRangeException(nameof(key)),
    };

    public static TheoryData<Dictionary<string, string>, string> Invalid => new()
    {
        { new() { ["runnerScope"] = "org" }, "owner" },
        { new() { ["owner"] = "acme" }, "runnerScope" },
        { Minimal(("runnerScope", "team")), "runnerScope" },
        { Minimal(("githubApiURL", "not a url")), "githubApiURL" },
        { Minimal(("githubApiURL", "ftp://example.com")), "githubApiURL" },
        { Minimal(("targetWorkflowQueueLength", "0")), "targetWorkflowQueueLength" },
        { Minimal(("targetWorkflowQueueLength", "one")), "targetWorkflowQueueLength" },
        { Minimal(("enableEtags", "yes")), "enableEtags" },
        { Minimal(("noDefaultLabels", "1")), "noDefaultLabels" },
        { Minimal(("applicationID", "12")), "installationID" },
        { Minimal(("installationID", "34")), "applicationID" },
        { Minimal(("applicationID", "abc")), "applicationID" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Bind_InvalidValue_ReportsTheKey(Dictionary<string, string> metadata, string key)
    {
        var (_, errors) = Bind(metadata);

        errors.Select(e => e.Key).ShouldContain(key);
    }

    [Fact]
    public void Bind_NoCredentials_ReportsPersonalAccessTokenOrAppKey()
    {
        var (_, errors) = Bind(Minimal(), auth: []);

        var error = errors.ShouldHaveSingleItem();
        error.Key.ShouldBe("personalAccessToken");
        error.Source.ShouldBe(MetadataSource.AuthParams);
        error.Message.ShouldBe("is required, or \"appKey\" for a GitHub App (as a parameter of the trigger's authenticationRef)");
    }

    [Fact]
    public void Bind_AppIdsWithoutAppKey_ReportsAppKey()
    {
        var (_, errors) = Bind(Minimal(("applicationID", "12"), ("installationID", "34")));

        errors.Select(e => e.Key).ShouldBe(["appKey"]);
    }

    [Fact]
    public void Bind_AppKeyNotPem_ReportsAppKeyWithoutItsValue()
    {
        var (_, errors) = Bind(Minimal(("applicationID", "12"), ("installationID", "34")), new() { ["appKey"] = "s3cr3t-not-a-key" });

        var error = errors.ShouldHaveSingleItem();
        error.Key.ShouldBe("appKey");
        error.ToString().ShouldNotContain("s3cr3t");
    }

    [Fact]
    public void Bind_CompleteGitHubApp_UsesTheApp()
    {
        using var rsa = RSA.Create(2048);
        var (metadata, errors) = Bind(Minimal(("applicationID", "12"), ("installationID", "34")), new() { ["appKey"] = rsa.ExportRSAPrivateKeyPem() });

        errors.ShouldBeEmpty();
        metadata.UsesGitHubApp.ShouldBeTrue();
        metadata.ApplicationId.ShouldBe(12);
        metadata.InstallationId.ShouldBe(34);
    }

    [Fact]
    public void Validate_DeclaredSecretsAndEnvValues_AreAccepted()
    {
        var metadata = new Dictionary<string, string>
        {
            ["ownerFromEnv"] = "GH_OWNER",
            ["runnerScope"] = "org",
            ["applicationIDFromEnv"] = "APP_ID",
            ["installationID"] = "34",
        };

        var validation = Factory.Validate(GitHubRunnerTestContext.Context(metadata, new Dictionary<string, string> { ["appKey"] = "" }, validationOnly: true));

        validation.Errors.ShouldBeEmpty();
        validation.UnknownKeys.ShouldBeEmpty();
    }

    [Fact]
    public void Validate_EveryKedaKey_IsKnown()
    {
        var metadata = Minimal(
            ("githubApiURL", "https://api.github.com"), ("repos", "a"), ("labels", "b"), ("noDefaultLabels", "false"),
            ("matchUnlabeledJobsWithUnlabeledRunners", "false"), ("enableEtags", "true"), ("targetWorkflowQueueLength", "2"),
            ("applicationID", "1"), ("installationID", "2"));

        var validation = Factory.Validate(GitHubRunnerTestContext.Context(metadata, new Dictionary<string, string> { ["appKey"] = "" }, validationOnly: true));

        validation.UnknownKeys.ShouldBeEmpty();
        validation.Errors.ShouldBeEmpty();
    }

    [Fact]
    public void ToString_WithSecrets_HidesThem()
    {
        var (metadata, _) = Bind(Minimal());

        metadata.ToString().ShouldNotContain(GitHubRunnerTestContext.Token);
    }

    [Fact]
    public void Registry_BuiltInScalers_KnowsGitHubRunner()
    {
        Crema.Scalers.BuiltInScalers.CreateRegistry().TryGet("github-runner", out var factory).ShouldBeTrue();
        factory.ShouldBeOfType<GitHubRunnerScalerFactory>();
    }
}
