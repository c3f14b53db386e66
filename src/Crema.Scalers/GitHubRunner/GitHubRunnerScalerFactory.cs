using System.Security.Cryptography;
using Crema.Abstractions;

namespace Crema.Scalers.GitHubRunner;

/// <summary>
/// Builds <c>github-runner</c> scalers: the number of queued and in-progress GitHub Actions jobs whose
/// labels a runner of the target pool can serve. Metadata as KEDA's github-runner trigger.
/// </summary>
internal sealed class GitHubRunnerScalerFactory : ScalerFactory<GitHubRunnerMetadata>
{
    internal const string DefaultApiUrl = "https://api.github.com";

    public override string Type => "github-runner";

    /// <inheritdoc />
    public override string Description => "queued and in-progress GitHub Actions jobs";

    protected override GitHubRunnerMetadata Bind(MetadataBinder binder)
    {
        // KEDA reads githubApiURL; its older documentation spelled it githubAPIURL, so accept both.
        var legacySpelling = binder.Has("githubAPIURL");
        var urlKey = !binder.Has("githubApiURL") && legacySpelling ? "githubAPIURL" : "githubApiURL";
        var apiUrl = ParseApiUrl(binder, urlKey, binder.String(urlKey, DefaultApiUrl) ?? DefaultApiUrl);
        var owner = binder.RequiredString("owner").Trim();
        var scopeRequired = binder.Has("runnerScope");
        var scopeText = binder.OneOf("runnerScope", "", "org", "ent", "repo");
        binder.Check(scopeRequired, "runnerScope", "is required (org, ent or repo)");

        var pat = binder.Secret("personalAccessToken");
        var appKey = binder.Secret("appKey");
        var metadata = new GitHubRunnerMetadata
        {
            ApiUrl = apiUrl,
            Owner = owner,
            Scope = scopeText switch { "ent" => GitHubRunnerScope.Ent, "repo" => GitHubRunnerScope.Repo, _ => GitHubRunnerScope.Org },
            Repos = binder.List("repos"),
            Labels = binder.List("labels"),
            NoDefaultLabels = binder.Bool("noDefaultLabels"),
            MatchUnlabeledJobsWithUnlabeledRunners = binder.Bool("matchUnlabeledJobsWithUnlabeledRunners"),
            EnableEtags = binder.Bool("enableEtags"),
            TargetWorkflowQueueLength = binder.Long("targetWorkflowQueueLength", 1, min: 1),
            ApplicationId = binder.Long("applicationID", 0, min: 1),
            InstallationId = binder.Long("installationID", 0, min: 1),
            PersonalAccessToken = pat,
            AppKey = appKey,
        };
        CheckCredentials(binder, metadata);
        return metadata;
    }

    /// <summary>For simulation: a traced value is the number of matching queued jobs (none in progress).</summary>
    protected override MetricReading ToReading(GitHubRunnerMetadata metadata, double value) =>
        new(value, metadata.TargetWorkflowQueueLength, value >= metadata.TargetWorkflowQueueLength);

    protected override IScaler Create(GitHubRunnerMetadata metadata, ScalerContext context) =>
        new GitHubRunnerScaler(metadata, context.Services.GetHttpClient(HttpClientSettings.Default), context.TimeProvider);

    private static Uri ParseApiUrl(MetadataBinder binder, string key, string text)
    {
        var trimmed = text.Trim().TrimEnd('/');
        if (Uri.TryCreate(trimmed, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp))
        {
            return url;
        }
        binder.Fail(key, $"\"{text}\" is not an absolute http(s) URL (for GitHub Enterprise Server: https://HOST/api/v3)");
        return new Uri(DefaultApiUrl);
    }

    private static void CheckCredentials(MetadataBinder binder, GitHubRunnerMetadata metadata)
    {
        // Has() rather than the value: while validating, a value from the environment is not known yet.
        var hasApplicationId = binder.Has("applicationID");
        var hasInstallationId = binder.Has("installationID");
        var anyApp = hasApplicationId || hasInstallationId || metadata.AppKey is not null;
        if (metadata.PersonalAccessToken is null && metadata.AppKey is null)
        {
            binder.Fail("personalAccessToken", "is required, or \"appKey\" for a GitHub App" + MetadataError.AuthenticationRefHint, MetadataSource.AuthParams);
        }
        if (!anyApp)
        {
            return;
        }
        binder.Check(hasApplicationId, "applicationID", "is required with a GitHub App (installationID, appKey)");
        binder.Check(hasInstallationId, "installationID", "is required with a GitHub App (applicationID, appKey)");
        if (metadata.AppKey is null)
        {
            binder.Fail("appKey", "is required with a GitHub App" + MetadataError.AuthenticationRefHint, MetadataSource.AuthParams);
        }
        else if (!binder.Context.ValidationOnly && !IsRsaPrivateKey(metadata.AppKey))
        {
            binder.Fail("appKey", "is not a PEM-encoded RSA private key", MetadataSource.AuthParams);
        }
    }

    private static bool IsRsaPrivateKey(string pem)
    {
        try
        {
            using var rsa = RSA.Create();
            rsa.ImportFromPem(pem);
            return true;
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            return false;
        }
    }
}
