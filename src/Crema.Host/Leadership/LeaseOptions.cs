namespace Crema.Host.Leadership;

/// <summary>
/// The lease that makes several Crema daemons safe: one holds it and writes; the others stay warm. Every
/// timing follows from <see cref="Duration"/> (default 15 s): the holder renews every third of it, stops
/// writing if it has not renewed within two thirds of it (the last third is the margin for a write
/// already under way and for clock rate differences), and standbys look every 2 s (at 15 s).
/// </summary>
internal sealed record LeaseOptions
{
    public const int DefaultDurationSeconds = 15;

    /// <summary>Cloud Storage accepts about one write per second to one object; renewing every third of 3 s stays within it.</summary>
    public const int MinDurationSeconds = 3;

    public const int MaxDurationSeconds = 3600;

    public required LeaseLocation Location { get; init; }

    /// <summary>How long a lease not renewed stays held, measured by each standby from when it saw it change. Default 15 s.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(DefaultDurationSeconds);

    /// <summary>This daemon's name in the lease; default from the platform (see <see cref="HolderIdentity"/>).</summary>
    public string? Identity { get; init; }

    /// <summary>How often the holder renews: a third of <see cref="Duration"/> (5 s at 15 s).</summary>
    public TimeSpan RenewInterval => Duration / 3;

    /// <summary>
    /// The holder may write only until this long after the start of its last successful renewal: two thirds
    /// of <see cref="Duration"/> (10 s at 15 s), so it stops well before any standby can take over.
    /// </summary>
    public TimeSpan RenewDeadline => Duration * 2 / 3;

    /// <summary>How often a standby reads the lease, and how soon a failed renewal is tried again (2 s at 15 s).</summary>
    public TimeSpan RetryPeriod => Duration / 7.5;

    /// <summary>The limit of one call to the store (3 s at 15 s): a hanging call cannot use up the renew deadline.</summary>
    public TimeSpan CallTimeout => Duration / 5;
}
