using Crema.Abstractions;

namespace Crema.Scalers.Beanstalkd;

/// <summary>The typed metadata of a <c>beanstalkd</c> trigger (KEDA's fields and defaults).</summary>
/// <param name="Host">The server's host name or address (an IPv6 address without brackets). Required.</param>
/// <param name="Port">The server's port. Default 11300, beanstalkd's own.</param>
/// <param name="Tube">The tube's name. Required.</param>
/// <param name="Value">Jobs per replica. Required.</param>
/// <param name="ActivationValue">Active while the job count is above this. Default 0.</param>
/// <param name="IncludeDelayed">Count current-jobs-delayed too. Default false.</param>
/// <param name="Timeout">Bound of one read: connecting, sending stats-tube and reading the reply. Default 30 s.</param>
internal sealed record BeanstalkdMetadata(
    string Host,
    int Port,
    string Tube,
    double Value,
    double ActivationValue,
    bool IncludeDelayed,
    TimeSpan Timeout)
{
    /// <summary>beanstalkd's default port.</summary>
    public const int DefaultPort = 11300;

    /// <summary>Default bound of one read, the 30 s KEDA documents.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <summary>host:port for messages.</summary>
    public string Where => Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]:{Port}" : $"{Host}:{Port}";

    /// <summary>
    /// KEDA's count: current-jobs-ready + current-jobs-reserved, + current-jobs-delayed with includeDelayed. A negative
    /// count reads as 0 and the sum stops at long.MaxValue, so a broken server never gives a negative or wrapped count.
    /// </summary>
    public long Jobs(BeanstalkdTubeStats stats) => Add(Add(Math.Max(0, stats.Ready), Math.Max(0, stats.Reserved)), IncludeDelayed ? Math.Max(0, stats.Delayed) : 0);

    private static long Add(long a, long b) => b > long.MaxValue - a ? long.MaxValue : a + b;

    /// <summary>The reading for a job count: active above activationValue (KEDA), compared with value.</summary>
    public MetricReading ToReading(double jobs) => new(jobs, Value, jobs > ActivationValue);
}
