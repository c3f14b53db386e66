namespace Crema.Scalers.Kafka;

/// <summary>Where a consumer without a committed offset would start. Default: Latest.</summary>
internal enum OffsetResetPolicy
{
    Latest,
    Earliest,
}
