using System.Text;

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
        return new ConfigText(await DecodeAsync(bytes, ct).ConfigureAwait(false), ConfigDigest.Of(bytes));
    }

    // As File.ReadAllText: UTF-8 unless a byte-order mark says otherwise. UTF-8 is decoded in one step (a reader
    // would build a 10,000-object text twice over in its buffer).
    private static async Task<string> DecodeAsync(byte[] bytes, CancellationToken ct)
    {
        var utf8Mark = Encoding.UTF8.Preamble;
        if (bytes.AsSpan().StartsWith(utf8Mark))
        {
            return Encoding.UTF8.GetString(bytes.AsSpan(utf8Mark.Length));
        }
        // UTF-16 (FE FF, FF FE; FF FE 00 00 is UTF-32 LE) and UTF-32 BE (00 00 FE FF) go through the reader.
        if (bytes is not [0xFE, 0xFF, ..] and not [0xFF, 0xFE, ..] and not [0x00, 0x00, 0xFE, 0xFF, ..])
        {
            return Encoding.UTF8.GetString(bytes);
        }
        using var reader = new StreamReader(new MemoryStream(bytes, writable: false), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return await reader.ReadToEndAsync(ct).ConfigureAwait(false);
    }

    public async Task<ConfigText?> ReadIfChangedAsync(ConfigDigest last, CancellationToken ct) =>
        await ConfigDigest.OfFileAsync(path, ct).ConfigureAwait(false) == last ? null : await ReadAsync(ct).ConfigureAwait(false);
}
