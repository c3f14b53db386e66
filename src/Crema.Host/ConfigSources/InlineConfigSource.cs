namespace Crema.Host.ConfigSources;

/// <summary>Config YAML held in an environment variable (<c>CREMA_CONFIG_YAML</c>) or given by the demo; never changes.</summary>
internal sealed class InlineConfigSource(string description, string yaml) : IConfigSource
{
    public string Description => description;

    public TimeSpan? PollInterval => null;

    public Task<string> ReadAsync(CancellationToken ct) => Task.FromResult(yaml);
}
