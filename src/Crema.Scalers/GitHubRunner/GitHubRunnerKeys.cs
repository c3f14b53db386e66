using Crema.Abstractions;

namespace Crema.Scalers.GitHubRunner;

/// <summary>
/// Every key of a <c>github-runner</c> trigger, declared once with KEDA 2.20's names, sources and defaults
/// (pkg/scalers/github_runner_scaler.go, <c>githubRunnerMetadata</c>): metadata keys are read from the
/// trigger's metadata, then <c>keyFromEnv</c>; the two secrets only from the authenticationRef.
/// </summary>
internal static class GitHubRunnerKeys
{
    /// <summary>The API root. Default https://api.github.com; <c>githubAPIURL</c> (older KEDA documentation) is accepted too.</summary>
    public static readonly MetadataKey GitHubApiUrl = MetadataKey.Named("githubApiURL", "githubAPIURL").Default(GitHubRunnerScalerFactory.DefaultApiUrl);

    /// <summary>Organization or user owning the repositories. Required.</summary>
    public static readonly MetadataKey Owner = MetadataKey.Named("owner").Required();

    /// <summary>org, ent or repo (any case). Required.</summary>
    public static readonly MetadataKey RunnerScope = MetadataKey.Named("runnerScope").Required("org, ent or repo").OneOf("org", "ent", "repo");

    /// <summary>Comma list of repository names. Default: every repository of the owner.</summary>
    public static readonly MetadataKey Repos = MetadataKey.Named("repos");

    /// <summary>Comma list of the runners' labels. Default none.</summary>
    public static readonly MetadataKey Labels = MetadataKey.Named("labels");

    /// <summary>Leave out self-hosted, linux, x64. Default false.</summary>
    public static readonly MetadataKey NoDefaultLabels = MetadataKey.Named("noDefaultLabels").Default("false");

    /// <summary>Conditional requests. Default false.</summary>
    public static readonly MetadataKey EnableEtags = MetadataKey.Named("enableEtags").Default("false");

    /// <summary>Unlabeled jobs match only unlabeled pools. Default false.</summary>
    public static readonly MetadataKey MatchUnlabeledJobsWithUnlabeledRunners =
        MetadataKey.Named("matchUnlabeledJobsWithUnlabeledRunners").Default("false");

    /// <summary>Jobs per runner. Default 1, at least 1 (KEDA sets no bound; a target below 1 cannot scale).</summary>
    public static readonly MetadataKey TargetWorkflowQueueLength = MetadataKey.Named("targetWorkflowQueueLength").Default("1").Range(min: 1);

    /// <summary>GitHub App id (with installationID and appKey). At least 1; KEDA reads 0 as absent.</summary>
    public static readonly MetadataKey ApplicationId = MetadataKey.Named("applicationID").Range(min: 1);

    /// <summary>GitHub App installation id (with applicationID and appKey). At least 1.</summary>
    public static readonly MetadataKey InstallationId = MetadataKey.Named("installationID").Range(min: 1);

    /// <summary>A personal access token. Auth parameter only.</summary>
    public static readonly MetadataKey PersonalAccessToken = MetadataKey.Secret("personalAccessToken");

    /// <summary>The GitHub App's private key (PEM). Auth parameter only.</summary>
    public static readonly MetadataKey AppKey = MetadataKey.Secret("appKey");
}
