namespace Crema.Scalers.GitHubRunner;

/// <summary>A fixed personal access token.</summary>
internal sealed class PersonalAccessTokenSource(string token) : IGitHubTokenSource
{
    public ValueTask<string> GetTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult(token);

    public void Invalidate()
    {
        // A personal access token cannot be renewed; the 401 surfaces as an error of the poll.
    }
}
