using Crema.Abstractions;
using Crema.Scalers.Gcp.Monitoring;

namespace Crema.Scalers.Gcp.Stackdriver;

/// <summary>
/// The <c>gcp-stackdriver</c> trigger: any Cloud Monitoring metric selected by a filter, optionally
/// aligned and reduced (KEDA's generic form). Target 5 per replica by default.
/// </summary>
internal sealed class StackdriverScalerFactory : ScalerFactory<StackdriverMetadata>
{
    /// <inheritdoc />
    public override string Type => "gcp-stackdriver";

    /// <inheritdoc />
    public override string Description => "any Cloud Monitoring metric";

    /// <inheritdoc />
    protected override StackdriverMetadata Bind(MetadataBinder binder)
    {
        var projectId = binder.RequiredString(StackdriverKeys.ProjectId);
        var filter = binder.RequiredString(StackdriverKeys.Filter);
        if (filter.Length > 0 && !filter.Contains("metric.type", StringComparison.Ordinal))
        {
            binder.Fail(StackdriverKeys.Filter, "must select a metric with metric.type = \"...\" (Cloud Monitoring requires it)");
        }
        var targetValue = binder.Double(StackdriverKeys.TargetValue, 5);
        var activation = binder.Double(StackdriverKeys.ActivationTargetValue);
        double? valueIfNull = binder.Has(StackdriverKeys.ValueIfNull) ? binder.Double(StackdriverKeys.ValueIfNull) : null;
        // KEDA: filterDuration is whole minutes; 0 or less means the default of 2.
        var minutes = binder.Long(StackdriverKeys.FilterDuration, 2);
        var filterDuration = TimeSpan.FromMinutes(minutes <= 0 ? 2 : minutes);
        var aggregation = BindAggregation(binder);
        var credentials = GcpCredentialBinder.Bind(binder);
        return new StackdriverMetadata(projectId, filter, targetValue, activation, valueIfNull, filterDuration, aggregation, credentials);
    }

    /// <inheritdoc />
    protected override MetricReading ToReading(StackdriverMetadata metadata, double value) =>
        new(value, metadata.TargetValue, value > metadata.ActivationTargetValue);

    /// <inheritdoc />
    protected override IScaler Create(StackdriverMetadata metadata, ScalerContext context) =>
        new StackdriverScaler(metadata, MonitoringClientPool.Get(context, metadata.Credentials), context);

    private static MonitoringAggregation? BindAggregation(MetadataBinder binder)
    {
        // 0 means no aggregation; anything else below 60 (negative too) is KEDA's "must be at least 60".
        var periodSeconds = binder.Long(StackdriverKeys.AlignmentPeriodSeconds);
        var alignerText = binder.String(StackdriverKeys.AlignmentAligner) ?? string.Empty;
        var reducerText = binder.String(StackdriverKeys.AlignmentReducer) ?? string.Empty;
        var aligner = AggregationNames.Aligner(alignerText);
        var reducer = AggregationNames.Reducer(reducerText);
        if (aligner is null)
        {
            binder.Fail(StackdriverKeys.AlignmentAligner, $"\"{alignerText}\" is not one of: {string.Join(", ", AggregationNames.Aligners)}");
        }
        if (reducer is null)
        {
            binder.Fail(StackdriverKeys.AlignmentReducer, $"\"{reducerText}\" is not one of: {string.Join(", ", AggregationNames.Reducers)}");
        }
        if (periodSeconds == 0)
        {
            if (aligner is not (null or "ALIGN_NONE") || reducer is not (null or "REDUCE_NONE"))
            {
                binder.Fail(StackdriverKeys.AlignmentPeriodSeconds, "is required (at least 60) when alignmentAligner or alignmentReducer is set");
            }
            return null;
        }
        if (periodSeconds < 60)
        {
            binder.Fail(StackdriverKeys.AlignmentPeriodSeconds, "must be at least 60 (Cloud Monitoring's smallest alignment period)");
        }
        if (aligner == "ALIGN_NONE" && reducer is not (null or "REDUCE_NONE"))
        {
            binder.Fail(StackdriverKeys.AlignmentAligner, "must be set (not none) when alignmentReducer is set: series are aligned before they are reduced");
        }
        return aligner is null || reducer is null ? null : new MonitoringAggregation(TimeSpan.FromSeconds(periodSeconds), aligner, reducer);
    }
}
