using System.Security.Cryptography;
using System.Text;

namespace Crema.Host.ConfigSources;

/// <summary>
/// The SHA-256 of a config's bytes and how many there were: what the daemon keeps of the text it runs, to tell
/// a changed source from an unchanged one without holding (or parsing again) a config that can be megabytes.
/// </summary>
internal sealed record ConfigDigest(string Sha256, long Bytes)
{
    /// <summary>Buffer the file is hashed through: the file is never held whole just to learn it is unchanged.</summary>
    private const int FileBufferBytes = 16 * 1024;

    /// <summary>The digest of <paramref name="text"/> as UTF-8 (what a file written from it holds without a byte-order mark).</summary>
    public static ConfigDigest Of(string text) => Of(Encoding.UTF8.GetBytes(text));

    public static ConfigDigest Of(byte[] bytes) => new(Convert.ToHexString(SHA256.HashData(bytes)), bytes.LongLength);

    /// <summary>The digest of the file's bytes, read through a small buffer.</summary>
    public static async Task<ConfigDigest> OfFileAsync(string path, CancellationToken ct)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, FileBufferBytes, useAsync: true);
        await using (file.ConfigureAwait(false))
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[FileBufferBytes];
            long length = 0;
            int read;
            while ((read = await file.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                length += read;
            }
            return new ConfigDigest(Convert.ToHexString(hash.GetHashAndReset()), length);
        }
    }
}
