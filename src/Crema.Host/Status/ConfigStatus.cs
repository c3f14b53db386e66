namespace Crema.Host.Status;

/// <summary>The config state shown on /status.</summary>
internal sealed record ConfigStatus(string Source, DateTimeOffset? LoadedAt, string? LastReloadError, DateTimeOffset? LastReloadErrorAt);
