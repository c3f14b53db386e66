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

    public Task<string> ReadAsync(CancellationToken ct) => client.RenderAsync(versionName, ct);
}
