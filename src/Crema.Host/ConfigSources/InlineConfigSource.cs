namespace Crema.Host.ConfigSources;

/// <summary>Config YAML held in an environment variable (<c>CREMA_CONFIG_YAML</c>) or given by the demo; never changes.</summary>
internal sealed class InlineConfigSource(string description, string yaml) : IConfigSource
{
    private readonly ConfigText text = new(yaml, ConfigDigest.Of(yaml));

    public string Description => description;

    public TimeSpan? PollInterval => null;

    public Task<ConfigText> ReadAsync(CancellationToken ct) => Task.FromResult(text);

    public Task<ConfigText?> ReadIfChangedAsync(ConfigDigest last, CancellationToken ct) =>
        Task.FromResult(text.Digest == last ? null : text);
}
