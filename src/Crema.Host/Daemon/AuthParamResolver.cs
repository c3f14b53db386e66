using System.Collections.Concurrent;
using System.Text;
using Crema.Core.Configuration;
using Crema.Google.Secrets;

namespace Crema.Host.Daemon;

/// <summary>
/// Resolves the parameters of a triggerAuthentication: environment variables, mounted files, Secrets in the
/// secrets directory and Secret Manager versions (cached for <see cref="SecretRefreshInterval"/>, then read again
/// so a rotated secret is picked up). A bare Secret Manager id is read from Crema's own project, as CREMA reads it.
/// Values are never logged.
/// </summary>
internal sealed class AuthParamResolver(
    ISecretManagerClient? secrets, Func<string, string?> environment, TimeProvider time, SecretsDirectory secretsDirectory, Func<CancellationToken, Task<string>> ownProject)
{
    /// <summary>How long a Secret Manager value is reused. Default 5 minutes.</summary>
    public static readonly TimeSpan SecretRefreshInterval = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, (string Value, DateTimeOffset ReadAt)> cache = new(StringComparer.Ordinal);

    /// <summary>The directory <c>secretTargetRef</c> values are read from.</summary>
    public SecretsDirectory SecretsDirectory => secretsDirectory;

    /// <summary>Every parameter of <paramref name="authentication"/>.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ResolveAsync(TriggerAuthentication authentication, CancellationToken ct)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var name = authentication.Metadata.Name;
        foreach (var env in authentication.Spec.Env)
        {
            values[env.Parameter] = environment(env.Name)
                ?? throw new InvalidOperationException($"triggerAuthentication \"{name}\": environment variable \"{env.Name}\" for parameter \"{env.Parameter}\" is not set");
        }
        foreach (var file in authentication.Spec.File)
        {
            try
            {
                values[file.Parameter] = (await File.ReadAllTextAsync(file.Path, ct).ConfigureAwait(false)).TrimEnd('\r', '\n');
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new InvalidOperationException($"triggerAuthentication \"{name}\": cannot read file \"{file.Path}\" for parameter \"{file.Parameter}\": {e.GetType().Name}", e);
            }
        }
        foreach (var reference in authentication.Spec.SecretTargetRef)
        {
            values[reference.Parameter] = await secretsDirectory.ReadAsync(name, reference, ct).ConfigureAwait(false);
        }
        foreach (var secret in authentication.Spec.GcpSecretManager?.Secrets ?? [])
        {
            values[secret.Parameter] = await ReadSecretAsync(name, secret, ct).ConfigureAwait(false);
        }
        return values;
    }

    private async Task<string> ReadSecretAsync(string? authentication, GcpSecret secret, CancellationToken ct)
    {
        var (secretProject, id, version) = SplitSecretName(secret.Id, secret.Version, string.Empty);
        if (secretProject.Length == 0)
        {
            try
            {
                secretProject = await ownProject(ct).ConfigureAwait(false);
            }
            catch (InvalidOperationException e)
            {
                throw new InvalidOperationException($"triggerAuthentication \"{authentication}\": secret \"{secret.Id}\": {e.Message}", e);
            }
        }
        var key = $"{secretProject}/{id}/{version}";
        var now = time.GetUtcNow();
        if (cache.TryGetValue(key, out var cached) && now - cached.ReadAt < SecretRefreshInterval)
        {
            return cached.Value;
        }
        if (secrets is null)
        {
            throw new InvalidOperationException($"triggerAuthentication \"{authentication}\": Secret Manager is not available");
        }
        var bytes = await secrets.AccessAsync(secretProject, id, version, ct).ConfigureAwait(false);
        var value = Encoding.UTF8.GetString(bytes);
        cache[key] = (value, now);
        return value;
    }

    /// <summary>
    /// Accepts a bare id (<paramref name="defaultProject"/>), <c>projects/P/secrets/S</c> or
    /// <c>projects/P/secrets/S/versions/V</c> (whose version wins over <paramref name="version"/>).
    /// </summary>
    internal static (string Project, string Id, string Version) SplitSecretName(string id, string version, string defaultProject)
    {
        var parts = id.Split('/');
        return parts switch
        {
            ["projects", var p, "secrets", var s, "versions", var v] => (p, s, v),
            ["projects", var p, "secrets", var s, ..] => (p, s, version),
            _ => (defaultProject, id, version),
        };
    }
}
