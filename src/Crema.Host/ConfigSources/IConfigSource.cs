namespace Crema.Host.ConfigSources;

/// <summary>Where the daemon's config text comes from. The supervisor reads it again every <see cref="PollInterval"/>.</summary>
internal interface IConfigSource
{
    /// <summary>A name for messages (a file path, an env var, a Parameter Manager version).</summary>
    string Description { get; }

    /// <summary>How often to look for a change; null when the source cannot change.</summary>
    TimeSpan? PollInterval { get; }

    /// <summary>The current YAML text.</summary>
    Task<string> ReadAsync(CancellationToken ct);
}
