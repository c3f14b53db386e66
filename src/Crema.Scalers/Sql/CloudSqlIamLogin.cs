using Crema.Abstractions;

namespace Crema.Scalers.Sql;

/// <summary>
/// Cloud SQL IAM database authentication with the daemon's own Google identity (podIdentity gcp): the password is
/// an OAuth access token for the login scope, asked for on each new physical connection (the host caches tokens
/// and renews them before they expire, so a pooled connection never needs one after the fact).
/// </summary>
internal static class CloudSqlIamLogin
{
    /// <summary>The scope Cloud SQL accepts for an IAM database login (what <c>gcloud sql generate-login-token</c> asks for).</summary>
    public const string Scope = "https://www.googleapis.com/auth/sqlservice.login";

    private static readonly string[] Scopes = [Scope];

    /// <summary>A fresh access token to use as the password.</summary>
    public static async ValueTask<string> PasswordAsync(IAccessTokenSource? tokens, CancellationToken cancellationToken) =>
        tokens is null
            ? throw new SqlReadException("podIdentity gcp needs the daemon's Google credentials (Application Default Credentials), and none are configured")
            : await tokens.GetAccessTokenAsync(Scopes, cancellationToken).ConfigureAwait(false);
}
