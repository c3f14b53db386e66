namespace Crema.Scalers.GitHubRunner;

/// <summary>Where the runners are registered (KEDA's runnerScope). Decides how "all repositories" is listed.</summary>
internal enum GitHubRunnerScope
{
    /// <summary>Organization runners: repositories come from <c>/orgs/{owner}/repos</c>.</summary>
    Org,

    /// <summary>Enterprise runners: KEDA lists <c>/orgs/{owner}/repos</c> as for an organization.</summary>
    Ent,

    /// <summary>Repository runners: repositories come from <c>/users/{owner}/repos</c>.</summary>
    Repo,
}
