namespace Crema.Scalers.GitHubRunner;

/// <summary>Supplies the bearer token of GitHub API calls (a personal access token or a GitHub App installation token).</summary>
internal interface IGitHubTokenSource
{
    /// <summary>Returns a valid token, fetching a new one first when needed.</summary>
    ValueTask<string> GetTokenAsync(CancellationToken cancellationToken);

    /// <summary>Forgets the current token after GitHub rejected it (401), so the next call fetches another.</summary>
    void Invalidate();
}
