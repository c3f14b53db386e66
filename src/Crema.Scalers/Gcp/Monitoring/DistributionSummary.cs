namespace Crema.Scalers.Gcp.Monitoring;

/// <summary>The two figures of a Monitoring <c>distributionValue</c> a scaler can use.</summary>
/// <param name="Count">Number of values in the distribution (an int64 sent as a string).</param>
/// <param name="Mean">Their mean; 0 when the distribution is empty.</param>
internal sealed record DistributionSummary(long Count, double Mean);
