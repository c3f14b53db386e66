namespace Crema.Scalers.GitHubRunner;

/// <summary>
/// The fields we read of a repository in <c>GET /orgs/{org}/repos</c> and <c>/users/{user}/repos</c>,
/// deserialized by Octokit. Octokit's own Repository model does not map <c>disabled</c>.
/// </summary>
internal sealed class GitHubListedRepository
{
    public string Name { get; private set; } = "";

    public bool Archived { get; private set; }

    public bool Disabled { get; private set; }
}
