namespace Crema.Host.ConfigSources;

/// <summary>Where the daemon's config text comes from. The supervisor looks for a change every <see cref="PollInterval"/>.</summary>
internal interface IConfigSource
{
    /// <summary>A name for messages (a file path, an env var, a Parameter Manager version).</summary>
    string Description { get; }

    /// <summary>How often to look for a change; null when the source cannot change.</summary>
    TimeSpan? PollInterval { get; }

    /// <summary>The current YAML text and its digest.</summary>
    Task<ConfigText> ReadAsync(CancellationToken ct);

    /// <summary>
    /// The current text when its digest differs from <paramref name="last"/>, else null: the daemon keeps only the
    /// digest of the config it runs, and an unchanged source costs no parse (a file: not even a read into memory).
    /// </summary>
    Task<ConfigText?> ReadIfChangedAsync(ConfigDigest last, CancellationToken ct);
}
