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
        // While validating, a value from the environment reads as empty: the default stands in for it.
        var apiUrl = ParseApiUrl(binder, binder.String(GitHubRunnerKeys.GitHubApiUrl) is { Length: > 0 } url ? url : DefaultApiUrl);
        var owner = binder.RequiredString(GitHubRunnerKeys.Owner);
        var scopeText = binder.String(GitHubRunnerKeys.RunnerScope);

        var pat = binder.String(GitHubRunnerKeys.PersonalAccessToken);
        var appKey = binder.String(GitHubRunnerKeys.AppKey);
        var metadata = new GitHubRunnerMetadata
        {
            ApiUrl = apiUrl,
            Owner = owner,
            Scope = scopeText switch { "ent" => GitHubRunnerScope.Ent, "repo" => GitHubRunnerScope.Repo, _ => GitHubRunnerScope.Org },
            Repos = binder.List(GitHubRunnerKeys.Repos),
            Labels = binder.List(GitHubRunnerKeys.Labels),
            NoDefaultLabels = binder.Bool(GitHubRunnerKeys.NoDefaultLabels),
            MatchUnlabeledJobsWithUnlabeledRunners = binder.Bool(GitHubRunnerKeys.MatchUnlabeledJobsWithUnlabeledRunners),
            EnableEtags = binder.Bool(GitHubRunnerKeys.EnableEtags),
            TargetWorkflowQueueLength = binder.Long(GitHubRunnerKeys.TargetWorkflowQueueLength, 1),
            ApplicationId = binder.Long(GitHubRunnerKeys.ApplicationId),
            InstallationId = binder.Long(GitHubRunnerKeys.InstallationId),
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

    private static Uri ParseApiUrl(MetadataBinder binder, string text)
    {
        var trimmed = text.Trim().TrimEnd('/');
        if (Uri.TryCreate(trimmed, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp))
        {
            return url;
        }
        binder.Fail(GitHubRunnerKeys.GitHubApiUrl, $"\"{text}\" is not an absolute http(s) URL (for GitHub Enterprise Server: https://HOST/api/v3)");
        return new Uri(DefaultApiUrl);
    }

    private static void CheckCredentials(MetadataBinder binder, GitHubRunnerMetadata metadata)
    {
        // Has() rather than the value: while validating, a value from the environment is not known yet.
        var hasApplicationId = binder.Has(GitHubRunnerKeys.ApplicationId);
        var hasInstallationId = binder.Has(GitHubRunnerKeys.InstallationId);
        var anyApp = hasApplicationId || hasInstallationId || metadata.AppKey is not null;
        if (metadata.PersonalAccessToken is null && metadata.AppKey is null)
        {
            binder.Fail(GitHubRunnerKeys.PersonalAccessToken, $"is required, or \"{GitHubRunnerKeys.AppKey}\" for a GitHub App{MetadataError.AuthenticationRefHint}");
        }
        if (!anyApp)
        {
            return;
        }
        binder.Check(hasApplicationId, GitHubRunnerKeys.ApplicationId, "is required with a GitHub App (installationID, appKey)");
        binder.Check(hasInstallationId, GitHubRunnerKeys.InstallationId, "is required with a GitHub App (applicationID, appKey)");
        if (metadata.AppKey is null)
        {
            binder.Fail(GitHubRunnerKeys.AppKey, "is required with a GitHub App" + MetadataError.AuthenticationRefHint);
        }
        else if (!binder.Context.ValidationOnly && !IsRsaPrivateKey(metadata.AppKey))
        {
            binder.Fail(GitHubRunnerKeys.AppKey, "is not a PEM-encoded RSA private key");
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
