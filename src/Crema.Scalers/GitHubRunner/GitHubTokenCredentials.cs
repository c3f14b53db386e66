using Octokit;

namespace Crema.Scalers.GitHubRunner;

/// <summary>Octokit's credential store over a token source: each request carries the current token as <c>Authorization: Bearer</c>.</summary>
internal sealed class GitHubTokenCredentials(IGitHubTokenSource tokens, GitHubHttpTransport transport) : ICredentialStore
{
    public async Task<Credentials> GetCredentials() =>
        new(await tokens.GetTokenAsync(transport.Cancellation).ConfigureAwait(false), AuthenticationType.Bearer);
}
