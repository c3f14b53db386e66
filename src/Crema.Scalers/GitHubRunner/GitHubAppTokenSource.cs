using Octokit;

namespace Crema.Scalers.GitHubRunner;

/// <summary>
/// GitHub App authentication: exchanges the app's JWT (<see cref="GitHubAppJwt"/>) with Octokit's
/// <c>POST /app/installations/{id}/access_tokens</c> for an installation token, and renews that token
/// <see cref="RefreshBefore"/> before it expires (tokens live one hour). The exchange goes over the
/// scaler's wire, so it is counted in the poll's requests and bounded by its timeout.
/// </summary>
internal sealed class GitHubAppTokenSource : IGitHubTokenSource, IDisposable
{
    /// <summary>How long before expiry a token is replaced.</summary>
    public static readonly TimeSpan RefreshBefore = TimeSpan.FromMinutes(5);

    private readonly GitHubTrafficRecorder wire;
    private readonly GitHubAppJwt jwt;
    private readonly IGitHubAppsClient apps;
    private readonly long installationId;
    private readonly TimeProvider time;
    private string? token;
    private DateTimeOffset expiresAt;

    public GitHubAppTokenSource(GitHubTrafficRecorder wire, Uri apiUrl, long applicationId, long installationId, string privateKeyPem, TimeProvider time)
    {
        this.wire = wire;
        jwt = new GitHubAppJwt(applicationId, privateKeyPem, time);
        apps = GitHubApiClient.Create(wire, apiUrl, jwt).GitHubApps;
        this.installationId = installationId;
        this.time = time;
    }

    public async ValueTask<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (token is not null && time.GetUtcNow() < expiresAt - RefreshBefore)
        {
            return token;
        }
        AccessToken reply;
        try
        {
            reply = await apps.CreateInstallationToken(installationId).ConfigureAwait(false);
        }
        catch (ApiException e)
        {
            throw new GitHubApiException(e.StatusCode, GitHubApiClient.Describe("GitHub App installation token request", e, GitHubApiClient.Reply(e, wire)));
        }
        if (reply?.Token is not { Length: > 0 } newToken)
        {
            throw new GitHubApiException("GitHub App installation token reply has no token");
        }
        token = newToken;
        expiresAt = reply.ExpiresAt == default ? time.GetUtcNow().AddHours(1) : reply.ExpiresAt;
        return newToken;
    }

    public void Invalidate() => token = null;

    public void Dispose() => jwt.Dispose();
}
