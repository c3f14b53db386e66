namespace Crema.Host.Status;

/// <summary>What /status shows of one trigger after its last read. Never holds a secret.</summary>
internal sealed record TriggerStatus(
    string Name,
    string Type,
    double? Value,
    double? Target,
    bool Active,
    bool InFallback,
    int ConsecutiveFailures,
    string? LastError,
    string? Note,
    IReadOnlyDictionary<string, double>? Details)
{
    /// <summary>Reads abandoned after their timeout that were still running at this poll (each holds a scaler and a place in its type's bound).</summary>
    public int StrandedReads { get; init; }
}
