namespace Crema.Host.ConfigSources;

/// <summary>
/// A config file, looked at every 2 seconds: hashed through a small buffer, and read only when its digest changed.
/// Polling (not a file watcher) also sees Cloud Run and Kubernetes secret mounts, which swap a symlink instead of
/// writing the file.
/// </summary>
internal sealed class FileConfigSource(string path) : IConfigSource
{
    public string Description => path;

    public TimeSpan? PollInterval => TimeSpan.FromSeconds(2);

    public async Task<ConfigText> ReadAsync(CancellationToken ct)
    {
        // The digest is of the bytes the text was decoded from, so it matches what ReadIfChangedAsync hashes.
        var bytes = await File.ReadAllBytesAsync(path, ct).ConfigureAwait(false);
        using var reader = new StreamReader(new MemoryStream(bytes, writable: false), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return new ConfigText(await reader.ReadToEndAsync(ct).ConfigureAwait(false), ConfigDigest.Of(bytes));
    }

    public async Task<ConfigText?> ReadIfChangedAsync(ConfigDigest last, CancellationToken ct) =>
        await ConfigDigest.OfFileAsync(path, ct).ConfigureAwait(false) == last ? null : await ReadAsync(ct).ConfigureAwait(false);
}
