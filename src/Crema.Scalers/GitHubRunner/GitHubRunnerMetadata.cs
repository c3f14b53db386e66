namespace Crema.Scalers.GitHubRunner;

/// <summary>
/// The typed metadata of a <c>github-runner</c> trigger. Defaults follow KEDA: API
/// https://api.github.com, targetWorkflowQueueLength 1, default labels self-hosted/linux/x64, ETags off.
/// </summary>
internal sealed record GitHubRunnerMetadata
{
    public required Uri ApiUrl { get; init; }

    public required string Owner { get; init; }

    public required GitHubRunnerScope Scope { get; init; }

    /// <summary>Repository names; empty means every repository of the owner.</summary>
    public IReadOnlyList<string> Repos { get; init; } = [];

    public IReadOnlyList<string> Labels { get; init; } = [];

    public bool NoDefaultLabels { get; init; }

    public bool MatchUnlabeledJobsWithUnlabeledRunners { get; init; }

    public bool EnableEtags { get; init; }

    /// <summary>Jobs per runner; at least 1.</summary>
    public long TargetWorkflowQueueLength { get; init; } = 1;

    public string? PersonalAccessToken { get; init; }

    public long ApplicationId { get; init; }

    public long InstallationId { get; init; }

    public string? AppKey { get; init; }

    /// <summary>True when the GitHub App credentials are complete; they win over a personal access token.</summary>
    public bool UsesGitHubApp => ApplicationId > 0 && InstallationId > 0 && !string.IsNullOrEmpty(AppKey);

    /// <summary>Hides the secrets from logs and exceptions that print the record.</summary>
    public override string ToString() =>
        $"github-runner owner={Owner} scope={Scope} api={ApiUrl} repos=[{string.Join(",", Repos)}] labels=[{string.Join(",", Labels)}]";
}
