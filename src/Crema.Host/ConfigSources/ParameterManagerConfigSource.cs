using Crema.Google.Secrets;

namespace Crema.Host.ConfigSources;

/// <summary>
/// A Parameter Manager version (<c>CREMA_CONFIG</c>, as CREMA reads it), rendered again every 30 seconds
/// so a version alias such as <c>latest</c> or an edited version is picked up.
/// </summary>
internal sealed class ParameterManagerConfigSource(IParameterManagerClient client, string versionName) : IConfigSource
{
    public string Description => versionName;

    public TimeSpan? PollInterval => TimeSpan.FromSeconds(30);

    public async Task<ConfigText> ReadAsync(CancellationToken ct)
    {
        var text = await client.RenderAsync(versionName, ct).ConfigureAwait(false);
        return new ConfigText(text, ConfigDigest.Of(text));
    }

    // The payload has to be fetched to be compared; what is saved is the parse of an unchanged one.
    public async Task<ConfigText?> ReadIfChangedAsync(ConfigDigest last, CancellationToken ct) =>
        await ReadAsync(ct).ConfigureAwait(false) is var current && current.Digest == last ? null : current;
}
