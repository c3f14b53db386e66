namespace Crema.Scalers.Beanstalkd;

/// <summary>The counts of a tube that KEDA reads from <c>stats-tube</c>; a missing tube reads as all zero.</summary>
/// <param name="Ready">current-jobs-ready.</param>
/// <param name="Reserved">current-jobs-reserved.</param>
/// <param name="Delayed">current-jobs-delayed.</param>
/// <param name="Buried">current-jobs-buried (never counted, as in KEDA).</param>
/// <param name="Found">False when the server answered NOT_FOUND (no job ever used the tube, or it was emptied and dropped).</param>
internal sealed record BeanstalkdTubeStats(long Ready, long Reserved, long Delayed, long Buried, bool Found = true)
{
    /// <summary>What KEDA reads for a tube the server does not know.</summary>
    public static BeanstalkdTubeStats NotFound { get; } = new(0, 0, 0, 0, Found: false);
}
