using Crema.Core.Configuration;

namespace Crema.Host.Daemon;

/// <summary>
/// Where <c>secretTargetRef</c> values are read: <c>DIR/NAME/KEY</c>, the layout of a Kubernetes Secret volume and of
/// a Cloud Run secret volume. Set with <c>--secrets-dir</c> or CREMA_SECRETS_DIR; default <see cref="DefaultPath"/>.
/// Values are read exactly as stored (KEDA passes a Secret's bytes unchanged) and never logged.
/// </summary>
internal sealed class SecretsDirectory(string path)
{
    /// <summary>The default directory.</summary>
    public const string DefaultPath = "/secrets";

    /// <summary>The environment variable naming the directory when the flag is not given.</summary>
    public const string Variable = "CREMA_SECRETS_DIR";

    public string Path { get; } = path;

    /// <summary>The flag's value, else the variable's, else the default.</summary>
    public static SecretsDirectory From(string? flag, Func<string, string?> environment) =>
        new(!string.IsNullOrWhiteSpace(flag) ? flag : environment(Variable) is { Length: > 0 } variable ? variable : DefaultPath);

    public string FileOf(SecretTargetRef reference) => System.IO.Path.Combine(Path, reference.Name, reference.Key);

    public async Task<string> ReadAsync(string? authentication, SecretTargetRef reference, CancellationToken ct)
    {
        var file = FileOf(reference);
        try
        {
            return await File.ReadAllTextAsync(file, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new InvalidOperationException(
                $"triggerAuthentication \"{authentication}\": secretTargetRef {reference.Name}/{reference.Key} for parameter \"{reference.Parameter}\": " +
                $"{file} does not exist (secrets directory {Path}, from --secrets-dir or {Variable}). Mount the secret there: " +
                $"on Cloud Run, --update-secrets={file}=SECRET_ID:latest (a Secret Manager secret as a volume); " +
                $"on GKE, a volume with secret.secretName: {reference.Name} mounted at {System.IO.Path.Combine(Path, reference.Name)}", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"triggerAuthentication \"{authentication}\": secretTargetRef {reference.Name}/{reference.Key} for parameter \"{reference.Parameter}\": cannot read {file}: {e.GetType().Name}", e);
        }
    }
}
