namespace Crema.Scalers.Gcp.Monitoring;

/// <summary>
/// The <c>aggregation.*</c> parameters of <c>projects.timeSeries.list</c>. The API wants an
/// alignment period of at least 60 s whenever the aligner is not <c>ALIGN_NONE</c>.
/// </summary>
/// <param name="AlignmentPeriod">Width of each aligned bucket, sent as whole seconds (<c>180s</c>).</param>
/// <param name="PerSeriesAligner">An <c>ALIGN_*</c> enum name.</param>
/// <param name="CrossSeriesReducer">A <c>REDUCE_*</c> enum name.</param>
internal sealed record MonitoringAggregation(TimeSpan AlignmentPeriod, string PerSeriesAligner, string CrossSeriesReducer);
