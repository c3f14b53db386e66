namespace Crema.Scalers.Gcp.CloudRunResource;

/// <summary>The newest minute of utilization samples Cloud Monitoring holds for a target.</summary>
/// <param name="Percent">Mean utilization of the samples, in percent of each instance's limit.</param>
/// <param name="Samples">How many per-instance samples the mean is over.</param>
/// <param name="EndTime">End of the aligned minute they were taken in.</param>
internal sealed record UtilizationSample(double Percent, long Samples, DateTimeOffset EndTime);
