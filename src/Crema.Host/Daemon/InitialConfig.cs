using Crema.Core.Configuration;

namespace Crema.Host.Daemon;

/// <summary>
/// The config read and validated at start, handed to the supervisor once: whoever still holds the daemon's
/// options (their closures live as long as the host) no longer holds the config after it was taken, so a
/// reload that replaces every object lets the first config go.
/// </summary>
internal sealed class InitialConfig(CremaConfig config)
{
    private CremaConfig? config = config;

    /// <summary>How many scaled objects it holds (known after it was taken).</summary>
    public int Objects { get; } = config.Spec.ScaledObjects.Count;

    /// <summary>The config; only the first call gets it.</summary>
    public CremaConfig Take() => Interlocked.Exchange(ref config, null)
        ?? throw new InvalidOperationException("the initial config was already taken");
}
