namespace Crema.Host.ConfigSources;

/// <summary>A config's YAML text as read from its source, and the digest of what was read.</summary>
internal sealed record ConfigText(string Text, ConfigDigest Digest);
