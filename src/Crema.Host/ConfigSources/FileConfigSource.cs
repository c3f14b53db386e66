namespace Crema.Host.ConfigSources;

/// <summary>
/// A config file, read again every 2 seconds. Polling (not a file watcher) also sees Cloud Run and
/// Kubernetes secret mounts, which swap a symlink instead of writing the file.
/// </summary>
internal sealed class FileConfigSource(string path) : IConfigSource
{
    public string Description => path;

    public TimeSpan? PollInterval => TimeSpan.FromSeconds(2);

    public Task<string> ReadAsync(CancellationToken ct) => File.ReadAllTextAsync(path, ct);
}
