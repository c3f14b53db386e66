using System.Text;
using Crema.Host.ConfigSources;

namespace Crema.Tests.ConfigSources;

/// <summary>The config file's change detection: a digest of its bytes, hashed through a small buffer, decides whether it is read.</summary>
public sealed class FileConfigSourceTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("crema-config-source-").FullName;

    private string PathOf(string name) => Path.Combine(directory, name);

    [Fact]
    public async Task ReadIfChangedAsync_FileUnchanged_ReturnsNull()
    {
        var path = PathOf("crema.yaml");
        await File.WriteAllTextAsync(path, "spec: {pollingInterval: 5}\n");
        var source = new FileConfigSource(path);
        var first = await source.ReadAsync(CancellationToken.None);

        (await source.ReadIfChangedAsync(first.Digest, CancellationToken.None)).ShouldBeNull();
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
        (await source.ReadIfChangedAsync(first.Digest, CancellationToken.None)).ShouldBeNull("only the content counts, not the time stamp");
    }

    [Fact]
    public async Task ReadIfChangedAsync_EditOfTheSameLength_ReturnsTheNewText()
    {
        var path = PathOf("crema.yaml");
        await File.WriteAllTextAsync(path, "spec: {pollingInterval: 5}\n");
        var source = new FileConfigSource(path);
        var first = await source.ReadAsync(CancellationToken.None);

        await File.WriteAllTextAsync(path, "spec: {pollingInterval: 7}\n");
        var changed = await source.ReadIfChangedAsync(first.Digest, CancellationToken.None);

        changed.ShouldNotBeNull().Text.ShouldBe("spec: {pollingInterval: 7}\n");
        changed.Digest.ShouldNotBe(first.Digest);
        changed.Digest.Bytes.ShouldBe(first.Digest.Bytes);
        (await source.ReadIfChangedAsync(changed.Digest, CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task ReadAsync_FileWithByteOrderMark_TextWithoutItAndDigestOfTheFileBytes()
    {
        var path = PathOf("crema.yaml");
        await File.WriteAllTextAsync(path, "spec: {}\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        var source = new FileConfigSource(path);

        var read = await source.ReadAsync(CancellationToken.None);

        read.Text.ShouldBe("spec: {}\n");
        read.Digest.ShouldBe(ConfigDigest.Of(await File.ReadAllBytesAsync(path)));
        read.Digest.ShouldNotBe(ConfigDigest.Of(read.Text), "the mark is part of the bytes hashed");
        (await source.ReadIfChangedAsync(read.Digest, CancellationToken.None)).ShouldBeNull("a marked file is not read again every poll");
    }

    [Fact]
    public async Task ReadAsync_Utf16FileWithItsMark_DecodedAsFileReadAllTextDoes()
    {
        var path = PathOf("crema.yaml");
        await File.WriteAllTextAsync(path, "spec: {} # é\n", Encoding.Unicode);

        (await new FileConfigSource(path).ReadAsync(CancellationToken.None)).Text.ShouldBe("spec: {} # é\n");
    }

    [Fact]
    public async Task OfFileAsync_FileLargerThanTheBuffer_SameDigestAsTheWholeBytes()
    {
        var path = PathOf("big.yaml");
        var bytes = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 20_000).Select(i => $"# line {i}\n")));
        await File.WriteAllBytesAsync(path, bytes);

        var digest = await ConfigDigest.OfFileAsync(path, CancellationToken.None);

        digest.ShouldBe(ConfigDigest.Of(bytes));
        digest.Bytes.ShouldBe(bytes.LongLength);
        digest.Sha256.ShouldBe(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes)));
    }

    [Fact]
    public async Task ReadIfChangedAsync_SymlinkSwappedAsASecretMountDoes_ReturnsTheNewTarget()
    {
        var path = PathOf("crema.yaml");
        await File.WriteAllTextAsync(PathOf("v1.yaml"), "spec: {pollingInterval: 5}\n");
        await File.WriteAllTextAsync(PathOf("v2.yaml"), "spec: {pollingInterval: 9}\n");
        File.CreateSymbolicLink(path, PathOf("v1.yaml"));
        var source = new FileConfigSource(path);
        var first = await source.ReadAsync(CancellationToken.None);

        File.CreateSymbolicLink(PathOf("next"), PathOf("v2.yaml"));
        File.Move(PathOf("next"), path, overwrite: true);

        (await source.ReadIfChangedAsync(first.Digest, CancellationToken.None)).ShouldNotBeNull().Text.ShouldBe("spec: {pollingInterval: 9}\n");
    }

    [Fact]
    public async Task ReadIfChangedAsync_FileDeleted_Throws()
    {
        var path = PathOf("crema.yaml");
        await File.WriteAllTextAsync(path, "spec: {}\n");
        var source = new FileConfigSource(path);
        var first = await source.ReadAsync(CancellationToken.None);
        File.Delete(path);

        await Should.ThrowAsync<FileNotFoundException>(() => source.ReadIfChangedAsync(first.Digest, CancellationToken.None));
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
